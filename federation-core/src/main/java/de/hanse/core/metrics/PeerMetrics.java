package de.hanse.core.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * Per-peer call metrics for the federation modules: {@code hanse.peer.calls} (a timer with latency histogram,
 * tagged {@code peer}, {@code operation}, {@code outcome} = success / error / timeout) and
 * {@code hanse.peer.calls.rejected} (calls not made because the peer's concurrency limit or circuit breaker
 * refused them). Peer names come from configuration and operations must be a small fixed set (e.g.
 * {@code ngsi-ld-query}, {@code sparql}, {@code ask}), so the number of series stays bounded.
 *
 * <p>In Prometheus: error rate per peer is
 * {@code rate(hanse_peer_calls_seconds_count{outcome!="success"}[5m])}. Thread-safe.
 */
public final class PeerMetrics {
    static final String CALLS = "hanse.peer.calls";
    static final String REJECTED = "hanse.peer.calls.rejected";

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

        String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final MeterRegistry registry;

    public PeerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Records one finished call to {@code peer}. */
    public void record(String peer, String operation, Outcome outcome, Duration latency) {
        Timer.builder(CALLS)
                .description("Calls to peers, by peer, operation and outcome")
                .tags("peer", peer, "operation", operation, "outcome", outcome.tag())
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
                .description("Calls to peers not made because a limit refused them")
                .tags("peer", peer, "operation", operation)
                .register(registry)
                .increment();
    }
}
