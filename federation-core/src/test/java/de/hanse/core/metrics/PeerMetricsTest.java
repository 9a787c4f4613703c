package de.hanse.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class PeerMetricsTest {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    @Test
    void classifiesTimeoutsAlsoWhenWrapped() {
        assertThat(PeerMetrics.Outcome.of(new HttpTimeoutException("t"))).isEqualTo(PeerMetrics.Outcome.TIMEOUT);
        assertThat(PeerMetrics.Outcome.of(new CompletionException(new HttpTimeoutException("t")))).isEqualTo(PeerMetrics.Outcome.TIMEOUT);
        assertThat(PeerMetrics.Outcome.of(new IOException("reset"))).isEqualTo(PeerMetrics.Outcome.ERROR);
        assertThat(PeerMetrics.Outcome.of(new IllegalStateException(new HttpTimeoutException("x")))).isEqualTo(PeerMetrics.Outcome.ERROR);
    }

    @Test
    void peerCallsAreScrapedByPeerOperationAndOutcomeWithHistogram() {
        PeerMetrics peers = new PeerMetrics(registry);
        peers.record("hamburg", "sparql", PeerMetrics.Outcome.SUCCESS, Duration.ofMillis(40));
        peers.record("hamburg", "sparql", PeerMetrics.Outcome.SUCCESS, Duration.ofMillis(60));
        peers.failed("kiel", "ngsi-ld-query", new HttpTimeoutException("deadline"), Duration.ofSeconds(5));
        peers.rejected("kiel", "ngsi-ld-query");

        String text = registry.scrape();
        assertThat(text).contains("hanse_peer_calls_seconds_count{operation=\"sparql\",outcome=\"success\",peer=\"hamburg\"} 2");
        assertThat(text).contains("hanse_peer_calls_seconds_bucket{operation=\"sparql\",outcome=\"success\",peer=\"hamburg\",le=\"0.05\"} 1");
        assertThat(text).contains("hanse_peer_calls_seconds_count{operation=\"ngsi-ld-query\",outcome=\"timeout\",peer=\"kiel\"} 1");
        assertThat(text).contains("hanse_peer_calls_rejected_total{operation=\"ngsi-ld-query\",peer=\"kiel\"} 1.0");
    }

    @Test
    void harvestRunsRecordsAndLastSuccessPerSource() {
        HarvestMetrics harvest = new HarvestMetrics(registry);
        harvest.run("hamburg", "success", Duration.ofSeconds(12));
        harvest.run("kiel", "failed", Duration.ofSeconds(1));
        harvest.records("hamburg", "added", 40);
        harvest.records("hamburg", "added", 2);
        harvest.records("hamburg", "removed", 0);
        harvest.lastSuccess("kiel", Instant.ofEpochSecond(1_700_000_000L));

        String text = registry.scrape();
        assertThat(text).contains("hanse_harvest_runs_seconds_count{outcome=\"success\",source=\"hamburg\"} 1");
        assertThat(text).contains("hanse_harvest_runs_seconds_count{outcome=\"failed\",source=\"kiel\"} 1");
        assertThat(text).contains("hanse_harvest_records_total{change=\"added\",source=\"hamburg\"} 42.0");
        assertThat(text).doesNotContain("change=\"removed\"");
        assertThat(text).contains("hanse_harvest_last_success_seconds{source=\"kiel\"} 1.7E9");
        assertThat(text).containsPattern("hanse_harvest_last_success_seconds\\{source=\"hamburg\"} 1\\.[0-9E.]+");
    }
}
