package de.hanse.sparql.federation.execution;

import de.hanse.core.http.CallContext;
import de.hanse.core.http.OutboundHttp;
import de.hanse.core.http.Problem;
import de.hanse.core.http.ProblemException;
import de.hanse.core.store.NodeStore;
import de.hanse.sparql.federation.peers.Source;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.query.Query;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.tdb2.TDB2;

/**
 * The production {@link SourceClient}: peers over HTTP (SPARQL 1.1 protocol, form POST, JSON results) through the
 * node's {@link OutboundHttp}, so its decorators add per-peer auth (relay or client credentials) and tracing; the
 * local store in-process over the union of its named graphs. Answers are size-capped in bytes and rows.
 */
public final class HttpSourceClient implements SourceClient {
    private static final String RESULTS_JSON = "application/sparql-results+json";
    private final OutboundHttp http;
    private final NodeStore store;
    private final long maxBytes;

    public HttpSourceClient(OutboundHttp http, NodeStore store, long maxBytes) {
        this.http = http;
        this.store = store;
        this.maxBytes = maxBytes;
    }

    @Override
    public List<Binding> select(Source source, Query query, CallContext call, long maxRows) throws PeerFailure {
        if (source.isLocal()) return local(query, call, maxRows);
        byte[] body = post(source, query, call);
        List<Binding> out = new ArrayList<>();
        try {
            ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(body), ResultSetLang.RS_JSON);
            while (rs.hasNext()) {
                out.add(rs.nextBinding());
                if (out.size() > maxRows) throw tooLarge(source, maxRows);
            }
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new PeerFailure(source.id(), false, "unreadable SPARQL results: " + e.getMessage());
        }
        return out;
    }

    @Override
    public boolean ask(Source source, Query query, CallContext call) throws PeerFailure {
        if (source.isLocal())
            return store.read(dsg -> exec(dsg, query, call).ask());
        byte[] body = post(source, query, call);
        try {
            return ResultSetMgr.readBoolean(new ByteArrayInputStream(body), ResultSetLang.RS_JSON);
        } catch (RuntimeException e) {
            throw new PeerFailure(source.id(), false, "unreadable ASK answer: " + e.getMessage());
        }
    }

    private List<Binding> local(Query query, CallContext call, long maxRows) {
        return store.read(dsg -> {
            List<Binding> out = new ArrayList<>();
            try (QueryExec qe = exec(dsg, query, call)) {
                RowSet rs = qe.select();
                while (rs.hasNext()) {
                    out.add(rs.next());
                    if (out.size() > maxRows) throw tooLarge(Source.local(), maxRows);
                }
            }
            return out;
        });
    }

    private static QueryExec exec(org.apache.jena.sparql.core.DatasetGraph dsg, Query query, CallContext call) {
        long ms = Math.max(1, call.remaining().toMillis());
        return QueryExec.dataset(dsg).query(query).set(TDB2.symUnionDefaultGraph, true)
                .timeout(ms, java.util.concurrent.TimeUnit.MILLISECONDS).build();
    }

    private byte[] post(Source source, Query query, CallContext queryCall) throws PeerFailure {
        Instant peerDeadline = Instant.now().plus(source.callTimeout());
        CallContext call = new CallContext(source.peer(), queryCall.callerAuthorization(), queryCall.traceparent(),
                peerDeadline.isBefore(queryCall.deadline()) ? peerDeadline : queryCall.deadline())
                .tagged(source.id(), query.isAskType() ? "sparql-ask" : "sparql-select");
        String form = "query=" + URLEncoder.encode(query.serialize(), StandardCharsets.UTF_8);
        try {
            HttpRequest req = http.request(URI.create(source.endpoint()), call)
                    .header("Accept", RESULTS_JSON)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build();
            // The body is read here, on the scheduler's worker, not inside a mapped body subscriber: that would block
            // the HTTP client's own threads and stall every other call once they are all busy.
            HttpResponse<java.io.InputStream> resp = http.send(req, HttpResponse.BodyHandlers.ofInputStream(), call);
            if (resp.statusCode() != 200) {
                resp.body().close();
                throw new PeerFailure(source.id(), false, "HTTP " + resp.statusCode());
            }
            return OutboundHttp.readBounded(resp.body(), maxBytes);
        } catch (OutboundHttp.BodyTooLargeException e) {
            throw new PeerFailure(source.id(), false, "answer larger than " + maxBytes + " bytes");
        } catch (java.io.UncheckedIOException e) {
            throw new PeerFailure(source.id(), false, "reading the answer failed: " + e.getCause().getMessage());
        } catch (HttpTimeoutException e) {
            throw new PeerFailure(source.id(), true, e.getMessage());
        } catch (IOException e) {
            throw new PeerFailure(source.id(), false, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PeerFailure(source.id(), true, "interrupted");
        } catch (RuntimeException e) {
            throw new PeerFailure(source.id(), false, "unreadable answer: " + e.getMessage());
        }
    }

    static ProblemException tooLarge(Source s, long maxRows) {
        return new ProblemException(Problem.of(422, "result-too-large", "Result too large",
                "a subquery to '" + s.id() + "' returned more than " + maxRows + " rows; narrow the query").with("peer", s.id()));
    }
}
