package de.hanse.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** The filter in a real Jetty (Fuseki main) in front of a servlet that echoes the MDC. */
class HttpMetricsFilterTest {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private FusekiServer server;

    /** Answers 200 with the MDC request id and traceparent, or 404 below /missing. */
    static final class Echo extends HttpServlet {
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setStatus(req.getRequestURI().startsWith("/missing") ? 404 : 200);
            resp.getWriter().print(MDC.get(TraceContext.REQUEST_ID) + " " + MDC.get(TraceContext.TRACEPARENT) + " "
                    + req.getHeader("traceparent") + " " + java.util.Collections.list(req.getHeaders("Traceparent")).size());
        }
    }

    /** Answers 202 from another thread 100 ms after the filter chain returned. */
    static final class Later extends HttpServlet {
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) {
            var async = req.startAsync();
            new Thread(() -> {
                try {
                    Thread.sleep(100);
                    ((HttpServletResponse) async.getResponse()).setStatus(202);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                async.complete();
            }).start();
        }
    }

    @BeforeEach
    void start() {
        server = FusekiServer.create().port(0).loopback(true).enablePing(false).verbose(false)
                .addFilter("/*", new HttpMetricsFilter(registry, new RouteTemplate(50)))
                .addServlet("/later/*", new Later())
                .addServlet("/*", new Echo())
                .build()
                .start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getHttpPort() + path)).timeout(Duration.ofSeconds(10));
        for (int i = 0; i + 1 < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void continuesTheCallersTraceAndExposesTheRequestId() throws Exception {
        HttpResponse<String> r = get("/a", "traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        assertThat(r.headers().firstValue("X-Request-Id")).hasValue("4bf92f3577b34da6a3ce929d0e0e4736");
        String[] mdc = r.body().split(" ");
        assertThat(mdc[0]).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        Traceparent own = Traceparent.parse(mdc[1]).orElseThrow();
        assertThat(own.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(own.spanId()).as("this node's own span").isNotEqualTo("00f067aa0ba902b7");
        assertThat(mdc[2]).as("downstream code reading the header sees this node's traceparent").isEqualTo(mdc[1]);
        assertThat(mdc[3]).isEqualTo("1");
    }

    @Test
    void startsANewTraceWithoutOrWithABadHeader() throws Exception {
        HttpResponse<String> none = get("/a");
        HttpResponse<String> bad = get("/a", "traceparent", "nonsense");
        assertThat(none.headers().firstValue("X-Request-Id").orElseThrow()).matches("[0-9a-f]{32}")
                .isNotEqualTo(bad.headers().firstValue("X-Request-Id").orElseThrow());
        assertThat(none.body()).startsWith(none.headers().firstValue("X-Request-Id").orElseThrow());
        String[] seen = bad.body().split(" ");
        assertThat(seen[2]).as("an invalid inbound value is replaced, not passed on").isEqualTo(seen[1]).startsWith("00-" + seen[0]);
    }

    @Test
    void countsRequestsByRouteTemplateAndStatus() throws Exception {
        get("/catalogue/datasets/1001");
        get("/catalogue/datasets/1002");
        get("/missing/x");
        String text = registry.scrape();
        assertThat(text).contains("http_server_requests_seconds_count{method=\"GET\",route=\"/catalogue/datasets/{id}\",status=\"200\"} 2");
        assertThat(text).contains("http_server_requests_seconds_count{method=\"GET\",route=\"/missing/x\",status=\"404\"} 1");
        assertThat(text).contains("http_server_requests_seconds_bucket{method=\"GET\",route=\"/catalogue/datasets/{id}\",status=\"200\",le=\"30.0\"} 2");
        assertThat(text).doesNotContain("1001");
    }

    @Test
    void asynchronousRequestsAreRecordedWhenTheyComplete() throws Exception {
        assertThat(get("/later/x").statusCode()).isEqualTo(202);
        // recorded by the async listener, which may run just after the client has its answer
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() ->
                registry.find(HttpMetricsFilter.METRIC).tags("route", "/later/x", "status", "202").timer() != null);
        var timer = registry.find(HttpMetricsFilter.METRIC).tags("route", "/later/x", "status", "202").timer();
        assertThat(timer.count()).isEqualTo(1);
        assertThat(timer.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(100);
        assertThat(registry.find(HttpMetricsFilter.METRIC).tags("route", "/later/x", "status", "200").timer()).isNull();
    }
}
