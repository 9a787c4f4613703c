package de.hanse.core.store;

import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * Sees a harvest's write transaction just before it commits. A unit is a subject IRI in {@code urn:hanse:meta}
 * (a dataset record, a harvest source) together with the named graph of the same IRI and the graphs its
 * description in {@code urn:hanse:meta} names; the writer lists every unit it added, changed or removed.
 * Throwing aborts the local transaction, so the local store and whatever the gate publishes to never disagree
 * about a committed run. Implementations are called from the single writing thread (TDB2 allows one writer).
 */
public interface WriteGate {

    /** Publishes nothing: a node with its own TDB2. */
    WriteGate NONE = (writeId, dsg, units) -> {};

    /**
     * @param writeId unique id of this write (the harvest run id)
     * @param dsg     the dataset inside the still open write transaction (the state about to be committed)
     * @param units   the units the transaction changed or removed
     * @throws RuntimeException to abort the transaction; the message says why (e.g. "fenced")
     */
    void beforeCommit(String writeId, DatasetGraph dsg, Set<Node> units);

    /** Called after the local transaction committed (never after an abort). */
    default void afterCommit(String writeId) {}

    /** Why this node may not write at all (a read replica), or {@code null} when it may. */
    default String refusal() {
        return null;
    }
}
