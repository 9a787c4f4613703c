package de.hanse.node.ops;

import static org.assertj.core.api.Assertions.assertThat;

import de.hanse.node.HanseNode;
import de.hanse.node.TestNodes;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code /metrics} of a real node: requests counted by route template and status, JVM meters present. */
class MetricsIT {
    private final TestNodes nodes = new TestNodes();

    @AfterEach
    void close() {
        nodes.close();
    }

    @Test
    void requestsAreCountedByRouteAndStatusAndJvmMetersArePresent() {
        HanseNode node = nodes.start("metrics");
        for (int i = 0; i < 3; i++) assertThat(nodes.get(node, "health/live").statusCode()).isEqualTo(200);
        assertThat(nodes.get(node, TestNodes.sparql("ASK { ?s ?p ?o }"), "Accept", "application/sparql-results+json").statusCode()).isEqualTo(200);
        assertThat(nodes.get(node, "api/nothing-here/12345").statusCode()).isEqualTo(404);

        HttpResponse<String> scrape = nodes.get(node, "metrics");
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain").contains("version=0.0.4");
        String text = scrape.body();

        assertThat(count(text, "/health/live", "200")).isEqualTo(3);
        assertThat(count(text, "/sparql", "200")).isEqualTo(1);
        assertThat(count(text, "/api/nothing-here/{id}", "404")).as("ids never become labels").isEqualTo(1);
        assertThat(text).doesNotContain("12345");
        assertThat(text).containsPattern("http_server_requests_seconds_bucket\\{[^}]*route=\"/health/live\"[^}]*le=\"0\\.005\"}");

        assertThat(text).contains("jvm_memory_used_bytes{").contains("jvm_threads_live_threads{").contains("jvm_gc_")
                .contains("process_cpu_usage{").contains("process_uptime_seconds{");
        assertThat(text).contains("node=\"metrics\"");
    }

    @Test
    void everyResponseCarriesARequestIdThatContinuesTheCallersTrace() {
        HanseNode node = nodes.start("trace");
        HttpResponse<String> r = nodes.get(node, "health/ready", "traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        assertThat(r.headers().firstValue("X-Request-Id")).hasValue("0af7651916cd43dd8448eb211c80319c");
        assertThat(nodes.get(node, "health/ready").headers().firstValue("X-Request-Id").orElseThrow())
                .matches("[0-9a-f]{32}").isNotEqualTo("0af7651916cd43dd8448eb211c80319c");
    }

    /** The count of {@code http_server_requests_seconds_count} for GET on {@code route} with {@code status}. */
    static long count(String scrape, String route, String status) {
        Pattern p = Pattern.compile("^http_server_requests_seconds_count\\{(.*)} ([0-9.E]+)$", Pattern.MULTILINE);
        Matcher m = p.matcher(scrape);
        long total = 0;
        while (m.find()) {
            String labels = m.group(1);
            if (labels.contains("method=\"GET\"") && labels.contains("route=\"" + route + "\"") && labels.contains("status=\"" + status + "\""))
                total += (long) Double.parseDouble(m.group(2));
        }
        return total;
    }
}
