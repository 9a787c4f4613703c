package de.hanse.harvest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import de.hanse.core.config.HarvestSourceConfig;
import de.hanse.harvest.validate.RecordValidator;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One run per source at a time: while a run of a source hangs on a slow loopback server, a second run of the same
 * source is refused (both the synchronous and the background form), another source runs, and the source can run
 * again once the first run has ended. Refused runs are counted in the harvest metrics.
 */
class SingleRunPerSourceTest {
    private LoopbackHarvest h;
    private HttpServer slow;
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch requested = new CountDownLatch(1);

    @BeforeEach
    void setUp() throws Exception {
        h = new LoopbackHarvest(RecordValidator.NONE);
        slow = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 4);
        slow.createContext("/", ex -> {
            try (ex) {
                requested.countDown();
                release.await(30, TimeUnit.SECONDS);
                byte[] b = Fixtures.page("http://127.0.0.1/slow", null, 1, 2).getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().add("Content-Type", "text/turtle");
                ex.sendResponseHeaders(200, b.length);
                ex.getResponseBody().write(b);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        slow.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(2));
        slow.start();
    }

    @AfterEach
    void tearDown() {
        release.countDown();
        slow.stop(0);
        h.close();
    }

    @Test
    void secondRunOfTheSameSourceIsRefusedWhileTheFirstRuns() throws Exception {
        HarvestSourceConfig cfg = HarvestSourceConfig.dcat("slow", "http://127.0.0.1:" + slow.getAddress().getPort() + "/p1");
        String first = h.service.start(cfg, false);
        assertThat(requested.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(h.service.running("slow")).isTrue();

        assertThatThrownBy(() -> h.service.run(cfg, false, null)).isInstanceOf(HarvestService.AlreadyRunningException.class)
                .hasMessageContaining("slow");
        assertThatThrownBy(() -> h.service.start(cfg, true)).isInstanceOf(HarvestService.AlreadyRunningException.class);

        h.source.page("/other", Fixtures.page(h.source.url("/other"), null, 10, 11));
        assertThat(h.service.run(HarvestSourceConfig.dcat("other", h.source.url("/other")), false, null).added()).isEqualTo(2);

        release.countDown();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !h.service.report(first).orElseThrow().status().equals("RUNNING"));
        assertThat(h.service.report(first).orElseThrow().added()).isEqualTo(2);
        assertThat(h.service.running("slow")).isFalse();
        assertThat(h.service.run(cfg, false, null).unchanged()).isEqualTo(2);

        String text = h.metrics.scrape();
        assertThat(text).contains("hanse_harvest_runs_seconds_count{outcome=\"refused\",source=\"slow\"} 2")
                .contains("hanse_harvest_runs_seconds_count{outcome=\"success\",source=\"slow\"} 2")
                .contains("hanse_harvest_runs_seconds_count{outcome=\"success\",source=\"other\"} 1")
                .contains("hanse_harvest_records_total{change=\"added\",source=\"slow\"} 2.0")
                .contains("hanse_harvest_records_total{change=\"unchanged\",source=\"slow\"} 2.0")
                .contains("hanse_peer_calls_seconds_count{operation=\"harvest-fetch\",outcome=\"success\",peer=\"slow\"} 2");
    }
}
