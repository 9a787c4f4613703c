package de.hanse.sparql.federation.execution;

import de.hanse.core.http.CallContext;
import de.hanse.sparql.federation.peers.Source;
import java.util.List;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.engine.binding.Binding;

/**
 * Sends one query to one source and returns its answer, materialised. Implementations must be thread-safe: the
 * {@link RequestScheduler} calls them from its worker threads, each call carrying its own {@link CallContext}
 * (deadline, caller identity for relayed auth), never relying on thread-locals.
 */
public interface SourceClient {

    /**
     * Evaluates a SELECT query at {@code source}.
     *
     * @param maxRows most rows accepted; a larger answer throws a {@link de.hanse.core.http.ProblemException}
     * @throws PeerFailure when the source cannot be reached, times out or answers with an error
     */
    List<Binding> select(Source source, Query query, CallContext call, long maxRows) throws PeerFailure;

    /** Evaluates an ASK query at {@code source}. */
    boolean ask(Source source, Query query, CallContext call) throws PeerFailure;
}
