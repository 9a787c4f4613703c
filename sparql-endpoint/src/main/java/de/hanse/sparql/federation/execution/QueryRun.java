package de.hanse.sparql.federation.execution;

import de.hanse.core.http.CallContext;
import de.hanse.core.http.Problem;
import de.hanse.core.http.ProblemException;
import de.hanse.sparql.federation.peers.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.engine.binding.Binding;

/**
 * The state of one federated query: its deadline and caller ({@link CallContext}), whether partial answers are
 * allowed, which peers went missing, how many requests were sent to whom, and the explain trace. All requests of
 * the query go through {@link #selectAll} / {@link #askAll}, which fan out on the {@link RequestScheduler} and wait
 * no longer than the query's deadline.
 *
 * <p>Thread-safe (counters and sets are concurrent); created per inbound request.
 */
public final class QueryRun {
    /** One request: a query to a source. */
    public record Call(Source source, Query query) {}

    private final SourceClient client;
    private final RequestScheduler scheduler;
    private final CallContext call;
    private final long deadlineNanos;
    private final boolean partial;
    private final long maxRows;
    private final Set<String> missing = new ConcurrentSkipListSet<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final Trace trace = new Trace();

    public QueryRun(SourceClient client, RequestScheduler scheduler, CallContext call, boolean partial, long maxRows) {
        this.client = client;
        this.scheduler = scheduler;
        this.call = call;
        this.deadlineNanos = System.nanoTime() + call.remaining().toNanos();
        this.partial = partial;
        this.maxRows = maxRows;
    }

    /** Runs the calls in parallel; a failing peer fails the query unless partial answers were requested. */
    public List<List<Binding>> selectAll(List<Call> calls) {
        return runAll(calls, c -> client.select(c.source(), c.query(), call, maxRows), List.of(), false);
    }

    /** Like {@link #selectAll} but a failed call yields {@code null} instead (SERVICE SILENT, summaries). */
    public List<List<Binding>> selectAllSilently(List<Call> calls) {
        return runAll(calls, c -> client.select(c.source(), c.query(), call, maxRows), List.of(), true);
    }

    public List<Boolean> askAll(List<Call> calls) {
        return runAll(calls, c -> client.ask(c.source(), c.query(), call), Boolean.FALSE, false);
    }

    @FunctionalInterface
    private interface Action<T> {
        T apply(Call c) throws PeerFailure;
    }

    private <T> List<T> runAll(List<Call> calls, Action<T> action, T whenMissing, boolean silent) {
        List<Future<T>> futures = new ArrayList<>(calls.size());
        for (Call c : calls) {
            if (missing.contains(c.source().id())) {
                futures.add(java.util.concurrent.CompletableFuture.completedFuture(whenMissing));
                continue;
            }
            requests.computeIfAbsent(c.source().id(), k -> new AtomicInteger()).incrementAndGet();
            futures.add(scheduler.submit(c.source(), deadlineNanos, () -> action.apply(c)));
        }
        List<T> out = new ArrayList<>(calls.size());
        try {
            for (int i = 0; i < futures.size(); i++) out.add(await(futures.get(i), calls.get(i).source(), silent ? null : whenMissing, silent));
        } finally {
            futures.forEach(f -> f.cancel(true));
        }
        return out;
    }

    private <T> T await(Future<T> f, Source source, T whenMissing, boolean silent) {
        try {
            return f.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return failed(new PeerFailure(source.id(), true, "the federated query deadline passed"), whenMissing, silent);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof PeerFailure pf) return failed(pf, whenMissing, silent);
            if (e.getCause() instanceof ProblemException pe) throw pe;
            return failed(new PeerFailure(source.id(), false, String.valueOf(e.getCause())), whenMissing, silent);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(Problem.of(503, "interrupted", "Interrupted", "the query was interrupted"));
        }
    }

    private <T> T failed(PeerFailure pf, T whenMissing, boolean silent) {
        if (silent) {
            trace.event("call-failed-silently", Map.of("peer", pf.sourceId(), "reason", String.valueOf(pf.getMessage())));
            return whenMissing;
        }
        if (!partial) throw new ProblemException(pf.toProblem());
        missing.add(pf.sourceId());
        trace.event("peer-missing", Map.of("peer", pf.sourceId(), "reason", String.valueOf(pf.getMessage())));
        return whenMissing;
    }

    /** Throws 504 when the query's deadline has passed (checked between planning steps). */
    public void checkDeadline() {
        if (System.nanoTime() > deadlineNanos)
            throw new ProblemException(Problem.of(504, "query-timeout", "Query timed out", "the federated query exceeded its deadline"));
    }

    public long maxRows() {
        return maxRows;
    }

    public boolean partial() {
        return partial;
    }

    /** Peers that failed while partial results were allowed, sorted. */
    public Set<String> missingPeers() {
        return Set.copyOf(missing);
    }

    /** Requests sent per source id, sorted by id. */
    public Map<String, Integer> requestCounts() {
        Map<String, Integer> m = new TreeMap<>();
        requests.forEach((k, v) -> m.put(k, v.get()));
        return m;
    }

    public int totalRequests() {
        return requests.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    public Trace trace() {
        return trace;
    }
}
