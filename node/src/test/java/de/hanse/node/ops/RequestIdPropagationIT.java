package de.hanse.node.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import de.hanse.core.config.NodeConfig;
import de.hanse.core.config.PeerConfig;
import de.hanse.node.HanseNode;
import de.hanse.node.TestNodes;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.jena.graph.NodeFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * One federated SPARQL query on a state node that calls a city node: the city's access log carries the request
 * id the state node answered with, whether or not the client sent a {@code traceparent}.
 */
class RequestIdPropagationIT {
    private static final String QUERY = "SELECT ?s WHERE { ?s <https://hub.example/observes> ?o }";

    private final TestNodes nodes = new TestNodes();
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();

    @BeforeEach
    void capture() {
        LoggerContext lc = (LoggerContext) LoggerFactory.getILoggerFactory();
        captured.setContext(lc);
        captured.start();
        lc.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(captured);
    }

    @AfterEach
    void close() {
        nodes.close();
        ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(captured);
    }

    @Test
    void theCityLogsTheStatesRequestId() {
        HanseNode city = nodes.start("city");
        city.context().store().write(dsg -> dsg.add(NodeFactory.createURI("urn:hanse:record:c"),
                NodeFactory.createURI("https://city.example/sensor/1"), NodeFactory.createURI("https://hub.example/observes"),
                NodeFactory.createURI("https://hub.example/prop/t")));
        HanseNode state = nodes.start(NodeConfig.inMemory("state").withPeers(List.of(PeerConfig.hanse("city", city.baseUri().toString()))));
        String path = "sparql/federated?query=" + URLEncoder.encode(QUERY, StandardCharsets.UTF_8);

        // without a traceparent from the client: the state node starts the trace
        HttpResponse<String> fresh = nodes.get(state, path, "Accept", "application/sparql-results+json");
        assertThat(fresh.statusCode()).as(fresh.body()).isEqualTo(200);
        assertThat(fresh.body()).contains("https://city.example/sensor/1");
        assertCityLogged(fresh.headers().firstValue("X-Request-Id").orElseThrow());

        // with one: the whole federation continues the client's trace
        captured.list.clear();
        HttpResponse<String> continued = nodes.get(state, path, "Accept", "application/sparql-results+json",
                "traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        assertThat(continued.statusCode()).isEqualTo(200);
        assertThat(continued.headers().firstValue("X-Request-Id")).hasValue("0af7651916cd43dd8448eb211c80319c");
        assertCityLogged("0af7651916cd43dd8448eb211c80319c");
    }

    /**
     * The city's {@code /sparql} (only the city serves it over HTTP here) logged the state's subquery under the
     * state's request id. Other lines may be the state's background capability probes, which belong to no request.
     */
    private void assertCityLogged(String requestId) {
        List<ILoggingEvent> cityLines = List.copyOf(captured.list).stream()
                .filter(e -> e.getLoggerName().equals("de.hanse.access"))
                .filter(e -> e.getFormattedMessage().matches("(GET|POST) /sparql \\d{3} .*"))
                .filter(e -> requestId.equals(e.getMDCPropertyMap().get("requestId")))
                .toList();
        assertThat(cityLines).as("the city served the state's subquery under the state's request id").isNotEmpty();
        assertThat(cityLines).allSatisfy(e -> assertThat(e.getMDCPropertyMap().get("traceparent")).startsWith("00-" + requestId + "-"));
    }
}
