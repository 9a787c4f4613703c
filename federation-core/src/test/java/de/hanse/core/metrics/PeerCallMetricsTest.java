package de.hanse.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import de.hanse.core.http.CallContext;
import de.hanse.core.http.OutboundHttp;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tagged calls through {@link OutboundHttp} to a real loopback server end up in {@code hanse_peer_calls}. */
class PeerCallMetricsTest {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private HttpServer peer;
    private OutboundHttp http;

    @BeforeEach
    void start() throws Exception {
        peer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        peer.createContext("/ok", ex -> {
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        peer.createContext("/missing", ex -> {
            ex.sendResponseHeaders(404, -1);
            ex.close();
        });
        peer.createContext("/broken", ex -> {
            ex.sendResponseHeaders(503, -1);
            ex.close();
        });
        peer.createContext("/slow", ex -> {
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        peer.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        peer.start();
        http = new OutboundHttp(2);
        http.observe(new PeerMetrics(registry));
    }

    @AfterEach
    void stop() {
        peer.stop(0);
        http.close();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + peer.getAddress().getPort() + path);
    }

    private int call(String path, CallContext ctx) throws Exception {
        return http.send(http.request(uri(path), ctx).GET().build(), HttpResponse.BodyHandlers.discarding(), ctx).statusCode();
    }

    @Test
    void taggedCallsAreRecordedByPeerOperationAndOutcome() throws Exception {
        CallContext kiel = CallContext.forUrl(Duration.ofSeconds(5)).tagged("kiel", "sparql-select");
        assertThat(call("/ok", kiel)).isEqualTo(200);
        assertThat(call("/ok", kiel)).isEqualTo(200);
        assertThat(call("/missing", kiel)).as("a 404 is an answer, not a failing peer").isEqualTo(404);
        assertThat(call("/broken", kiel)).isEqualTo(503);
        CallContext slow = CallContext.forUrl(Duration.ofMillis(200)).tagged("kiel", "sparql-select");
        assertThatThrownBy(() -> call("/slow", slow)).isInstanceOf(HttpTimeoutException.class);
        CallContext async = CallContext.forUrl(Duration.ofSeconds(5)).tagged("lübeck", "ngsi-ld-query");
        assertThat(http.sendAsync(http.request(uri("/ok"), async).GET().build(), HttpResponse.BodyHandlers.discarding(), async)
                .get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        CallContext expired = new CallContext(null, null, null, Instant.now().minusSeconds(1)).tagged("kiel", "sparql-ask");
        assertThatThrownBy(() -> http.request(uri("/ok"), expired)).isInstanceOf(HttpTimeoutException.class);
        call("/ok", CallContext.forUrl(Duration.ofSeconds(5)));   // untagged: not recorded

        String text = registry.scrape();
        assertThat(text).contains("hanse_peer_calls_seconds_count{operation=\"sparql-select\",outcome=\"success\",peer=\"kiel\"} 3");
        assertThat(text).contains("hanse_peer_calls_seconds_count{operation=\"sparql-select\",outcome=\"error\",peer=\"kiel\"} 1");
        assertThat(text).contains("hanse_peer_calls_seconds_count{operation=\"sparql-select\",outcome=\"timeout\",peer=\"kiel\"} 1");
        assertThat(text).contains("hanse_peer_calls_seconds_count{operation=\"ngsi-ld-query\",outcome=\"success\",peer=\"lübeck\"} 1");
        assertThat(text).contains("hanse_peer_calls_rejected_total{operation=\"sparql-ask\",peer=\"kiel\"} 1.0");
        assertThat(text).doesNotContain("127.0.0.1");
    }

    @Test
    void statusesAreClassified() {
        assertThat(PeerMetrics.Outcome.ofStatus(200)).isEqualTo(PeerMetrics.Outcome.SUCCESS);
        assertThat(PeerMetrics.Outcome.ofStatus(304)).isEqualTo(PeerMetrics.Outcome.SUCCESS);
        assertThat(PeerMetrics.Outcome.ofStatus(400)).isEqualTo(PeerMetrics.Outcome.SUCCESS);
        assertThat(PeerMetrics.Outcome.ofStatus(401)).isEqualTo(PeerMetrics.Outcome.ERROR);
        assertThat(PeerMetrics.Outcome.ofStatus(429)).isEqualTo(PeerMetrics.Outcome.ERROR);
        assertThat(PeerMetrics.Outcome.ofStatus(500)).isEqualTo(PeerMetrics.Outcome.ERROR);
        assertThat(PeerMetrics.Outcome.ofStatus(504)).isEqualTo(PeerMetrics.Outcome.TIMEOUT);
    }

    @Test
    void peerNamesBeyondTheBoundShareOneSeries() {
        PeerMetrics peers = new PeerMetrics(registry);
        for (int i = 0; i < PeerMetrics.MAX_PEERS + 50; i++)
            peers.record("peer-" + i, "ngsi-ld-query", PeerMetrics.Outcome.SUCCESS, Duration.ofMillis(1));
        String text = registry.scrape();
        assertThat(text).contains("hanse_peer_calls_seconds_count{operation=\"ngsi-ld-query\",outcome=\"success\",peer=\"other\"} 50");
        assertThat(text).doesNotContain("peer=\"peer-" + (PeerMetrics.MAX_PEERS + 1) + "\"");
    }
}
