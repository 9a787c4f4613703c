package de.hanse.core.metrics;

import de.hanse.core.http.CallTag;
import de.hanse.core.http.OutboundHttp;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * Per-peer call metrics for the federation modules: {@code hanse.peer.calls} (a timer with latency histogram,
 * tagged {@code peer}, {@code operation}, {@code outcome} = success / error / timeout) and
 * {@code hanse.peer.calls.rejected} (calls not made: their deadline had passed before they were sent, or a
 * concurrency limit or circuit breaker refused them). Peer names come from configuration and operations must be a small fixed set (e.g.
 * {@code ngsi-ld-query}, {@code sparql-select}, {@code harvest-fetch}), so the number of series stays bounded; as a
 * guard against peers that come and go (NGSI-LD registrations), at most {@value #MAX_PEERS} distinct peer names get
 * their own series, later ones are reported as {@code peer="other"}.
 *
 * <p>As the node's {@link OutboundHttp.CallObserver} it classifies answered calls by status: 2xx, 3xx and the 4xx
 * answers that say something about the request rather than the peer (400, 404, 406, 409, 410, 412, 413, 415, 422)
 * are {@code success}; 408 and 504 are {@code timeout}; any other status (5xx, 401, 403, 429, ...) is {@code error}.
 *
 * <p>In Prometheus: error rate per peer is
 * {@code rate(hanse_peer_calls_seconds_count{outcome!="success"}[5m])}. Thread-safe.
 */
public final class PeerMetrics implements OutboundHttp.CallObserver {
    static final String CALLS = "hanse.peer.calls";
    static final String REJECTED = "hanse.peer.calls.rejected";
    /** Most distinct peer names with their own series. */
    static final int MAX_PEERS = 200;
    static final String OTHER = "other";
    private static final Set<Integer> REQUEST_ERRORS = Set.of(400, 404, 406, 409, 410, 412, 413, 415, 422);

    /** How a call ended. */
    public enum Outcome {
        SUCCESS, ERROR, TIMEOUT;

        /** TIMEOUT for deadline/timeout failures (also wrapped ones), ERROR for anything else. */
        public static Outcome of(Throwable failure) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (t instanceof HttpTimeoutException || t instanceof TimeoutException) return TIMEOUT;
                if (!(t instanceof CompletionException || t instanceof ExecutionException)) break;
            }
            return ERROR;
        }

        /** How an answered call ended, from its HTTP status. */
        public static Outcome ofStatus(int status) {
            if (status < 400 || REQUEST_ERRORS.contains(status)) return SUCCESS;
            return status == 408 || status == 504 ? TIMEOUT : ERROR;
        }

        String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final MeterRegistry registry;
    private final Set<String> peers = ConcurrentHashMap.newKeySet();

    public PeerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void finished(CallTag tag, int status, Throwable failure, Duration took) {
        if (failure != null) failed(tag.peer(), tag.operation(), failure, took);
        else record(tag.peer(), tag.operation(), Outcome.ofStatus(status), took);
    }

    @Override
    public void refused(CallTag tag) {
        rejected(tag.peer(), tag.operation());
    }

    /** {@code peer}, or {@link #OTHER} once {@link #MAX_PEERS} other names have been seen. */
    private String bounded(String peer) {
        if (peers.contains(peer)) return peer;
        if (peers.size() >= MAX_PEERS) return OTHER;
        peers.add(peer);
        return peer;
    }

    /** Records one finished call to {@code peer}. */
    public void record(String peer, String operation, Outcome outcome, Duration latency) {
        Timer.builder(CALLS)
                .description("Calls to peers, by peer, operation and outcome")
                .tags("peer", bounded(peer), "operation", operation, "outcome", outcome.tag())
                .serviceLevelObjectives(MetricsModule.LATENCY_BUCKETS)
                .register(registry)
                .record(latency);
    }

    /** Records a call that failed with {@code failure}, classifying timeouts. */
    public void failed(String peer, String operation, Throwable failure, Duration latency) {
        record(peer, operation, Outcome.of(failure), latency);
    }

    /** Counts a call that was not made (concurrency limit reached, circuit open, deadline already passed). */
    public void rejected(String peer, String operation) {
        Counter.builder(REJECTED)
                .description("Calls to peers not made because their deadline had passed or a limit refused them")
                .tags("peer", bounded(peer), "operation", operation)
                .register(registry)
                .increment();
    }
}
