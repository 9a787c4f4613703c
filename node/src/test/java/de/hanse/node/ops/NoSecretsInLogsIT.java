package de.hanse.node.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpServer;
import de.hanse.core.config.ConfigLoader;
import de.hanse.core.config.NodeConfig;
import de.hanse.core.config.PeerConfig;
import de.hanse.core.http.CallContext;
import de.hanse.node.HanseNode;
import de.hanse.node.TestNodes;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A node with a peer client secret and callers sending bearer tokens, with every log event captured at DEBUG for
 * Hanse's loggers: no secret, token or Basic credential may appear in any message, MDC value or exception.
 */
class NoSecretsInLogsIT {
    private static final String CLIENT_SECRET = "cl13nt-s3cret-VALUE-7f3a";
    private static final String PEER_TOKEN = "peer-access-token-91c2e";
    private static final String INBOUND_TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJpbmJvdW5kIn0.c2lnbmF0dXJlLWluYm91bmQ";
    private static final String QUERY_TOKEN = "query-param-token-55d1";

    private final TestNodes nodes = new TestNodes();
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final Map<String, String> peerSaw = new ConcurrentHashMap<>();
    private HttpServer upstream;
    private Logger hanse;
    private Level hanseLevelBefore;

    @TempDir
    Path dir;

    @BeforeEach
    void setUp() throws Exception {
        LoggerContext lc = (LoggerContext) LoggerFactory.getILoggerFactory();
        captured.setContext(lc);
        captured.start();
        lc.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(captured);
        hanse = lc.getLogger("de.hanse");
        hanseLevelBefore = hanse.getLevel();
        hanse.setLevel(Level.DEBUG);

        // one loopback server plays the peer's Keycloak (token endpoint) and the peer itself
        upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        upstream.createContext("/token", ex -> {
            peerSaw.put("token-authorization", String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
            byte[] body = ("{\"access_token\":\"" + PEER_TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":300}").getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        upstream.createContext("/peer", ex -> {
            peerSaw.put("peer-authorization", String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
            peerSaw.put("peer-traceparent", String.valueOf(ex.getRequestHeaders().getFirst("traceparent")));
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        upstream.createContext("/realms", ex -> {
            peerSaw.put("discovery", ex.getRequestURI().getPath());
            ex.sendResponseHeaders(404, -1);
            ex.close();
        });
        upstream.start();
    }

    @AfterEach
    void tearDown() {
        nodes.close();
        upstream.stop(0);
        hanse.setLevel(hanseLevelBefore);
        ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(captured);
    }

    @Test
    void secretsAndTokensNeverReachTheLogs() throws Exception {
        Path secretFile = Files.writeString(dir.resolve("client-secret"), CLIENT_SECRET + "\n");
        String base = "http://127.0.0.1:" + upstream.getAddress().getPort();
        String yaml = """
                name: secrets
                port: 0
                dataDir: memory
                auth: {enabled: false}
                peers:
                  - name: city
                    url: %s/peer
                    auth:
                      mode: client-credentials
                      tokenUrl: %s/token
                      clientId: hanse-state
                      clientSecretFile: %s
                """.formatted(base, base, secretFile);
        NodeConfig config = new ConfigLoader().parse(yaml, Map.of(), "secrets-test.yaml");
        HanseNode node = nodes.start(config);
        LoggerFactory.getLogger(NoSecretsInLogsIT.class).info("effective configuration {}", config);

        // inbound: a bearer token in the header and an access token in the query string
        HttpResponse<String> sparql = nodes.get(node, TestNodes.sparql("ASK { ?s ?p ?o }") + "&access_token=" + QUERY_TOKEN,
                "Authorization", "Bearer " + INBOUND_TOKEN, "Accept", "application/sparql-results+json");
        assertThat(sparql.statusCode()).isEqualTo(200);
        assertThat(nodes.get(node, "api/nothing-here", "Authorization", "Bearer " + INBOUND_TOKEN).statusCode()).isEqualTo(404);

        // outbound: the node's own HTTP chain fetches a client-credentials token and calls the peer
        PeerConfig city = config.peers().get(0);
        CallContext call = new CallContext(city, "Bearer " + INBOUND_TOKEN, null, Instant.now().plusSeconds(10));
        var http = node.context().http();
        HttpResponse<Void> r = http.send(http.request(URI.create(base + "/peer/ngsi-ld/v1/entities"), call).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(r.statusCode()).isEqualTo(204);

        // the credentials really were used (so the test exercised the code that handles them)
        String basic = Base64.getEncoder().encodeToString(("hanse-state:" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        assertThat(peerSaw).containsEntry("token-authorization", "Basic " + basic).containsEntry("peer-authorization", "Bearer " + PEER_TOKEN);

        List<ILoggingEvent> events = new ArrayList<>(captured.list);
        assertThat(events).as("the node logged something to check").isNotEmpty();
        assertThat(events).as("an access log line per request, with its request id")
                .anySatisfy(e -> {
                    assertThat(e.getLoggerName()).isEqualTo("de.hanse.access");
                    assertThat(e.getFormattedMessage()).startsWith("GET /sparql 200");
                    assertThat(e.getMDCPropertyMap().get("requestId")).matches("[0-9a-f]{32}");
                });
        for (ILoggingEvent e : events) {
            String all = render(e);
            for (String secret : List.of(CLIENT_SECRET, PEER_TOKEN, INBOUND_TOKEN, QUERY_TOKEN, basic, "signature"))
                assertThat(all).as("log event of %s", e.getLoggerName()).doesNotContain(secret);
        }
    }

    @Test
    void rejectedBearerTokensAreNotLogged() {
        String base = "http://127.0.0.1:" + upstream.getAddress().getPort();
        String issuer = base + "/realms/city";
        java.util.Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String token = b64.encodeToString("{\"alg\":\"RS256\",\"kid\":\"k1\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(("{\"iss\":\"" + issuer + "\",\"sub\":\"mallory\",\"exp\":4102444800}").getBytes(StandardCharsets.UTF_8))
                + ".c2lnbmF0dXJlLXJlamVjdGVk";
        NodeConfig config = new ConfigLoader().parse("""
                name: rejecting
                port: 0
                dataDir: memory
                auth: {enabled: true, issuers: ["%s"]}
                """.formatted(issuer), Map.of(), "auth-test.yaml");
        HanseNode node = nodes.start(config);

        HttpResponse<String> r = nodes.get(node, "ngsi-ld/v1/entities?type=Thing", "Authorization", "Bearer " + token);
        assertThat(r.statusCode()).isIn(401, 503);
        nodes.get(node, TestNodes.sparql("ASK { ?s ?p ?o }") + "&access_token=" + QUERY_TOKEN, "Authorization", "Bearer " + token);
        assertThat(peerSaw).as("the verifier really went to the issuer with this token").containsKey("discovery");

        List<ILoggingEvent> events = new ArrayList<>(captured.list);
        assertThat(events).isNotEmpty();
        for (ILoggingEvent e : events)
            for (String secret : List.of(token, token.substring(token.indexOf('.') + 1), "c2lnbmF0dXJlLXJlamVjdGVk", QUERY_TOKEN))
                assertThat(render(e)).as("log event of %s", e.getLoggerName()).doesNotContain(secret);
    }

    /** Everything of an event that an appender could print. */
    private static String render(ILoggingEvent e) {
        StringBuilder sb = new StringBuilder(e.getFormattedMessage()).append(' ').append(e.getMDCPropertyMap());
        if (e.getArgumentArray() != null) for (Object a : e.getArgumentArray()) sb.append(' ').append(a);
        for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause())
            sb.append(' ').append(t.getClassName()).append(' ').append(t.getMessage());
        return sb.toString();
    }
}
