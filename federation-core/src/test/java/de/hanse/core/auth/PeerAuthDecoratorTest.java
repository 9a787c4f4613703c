package de.hanse.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpServer;
import de.hanse.core.config.PeerAuthConfig;
import de.hanse.core.config.PeerConfig;
import de.hanse.core.http.CallContext;
import de.hanse.core.http.OutboundHttp;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Outbound credentials per peer, against a real peer server and a real token endpoint on loopback. */
class PeerAuthDecoratorTest {
    private static final String SECRET = "s3cret-value";

    private TestIssuer idp;
    private HttpServer peerServer;
    private final List<String> seenAuthorization = new CopyOnWriteArrayList<>();
    private OutboundHttp http;
    private ClientCredentialsTokens tokens;
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final ch.qos.logback.classic.Logger hanseLogger = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger("de.hanse");
    @TempDir Path dir;

    @BeforeEach
    void setUp() throws Exception {
        idp = TestIssuer.start("city");
        peerServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        peerServer.createContext("/", ex -> {
            seenAuthorization.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        peerServer.start();
        http = new OutboundHttp(2);
        tokens = new ClientCredentialsTokens(http, Map.of("CITY_SECRET", SECRET)::get);
        http.addDecorator(new PeerAuthDecorator(tokens));
        logs.start();
        hanseLogger.addAppender(logs);
        hanseLogger.setLevel(Level.DEBUG);
    }

    @AfterEach
    void tearDown() {
        hanseLogger.detachAppender(logs);
        hanseLogger.setLevel(null);
        peerServer.stop(0);
        idp.close();
        http.close();
    }

    private PeerConfig peer(PeerAuthConfig auth) {
        return new PeerConfig("city", "http://127.0.0.1:" + peerServer.getAddress().getPort() + "/", null, null, null, null, null, auth);
    }

    private String callPeer(PeerConfig peer, String callerAuthorization) throws Exception {
        CallContext call = new CallContext(null, callerAuthorization, null, java.time.Instant.now().plusSeconds(5)).forPeer(peer);
        if (peer == null) call = new CallContext(null, callerAuthorization, null, java.time.Instant.now().plusSeconds(5));
        URI uri = URI.create("http://127.0.0.1:" + peerServer.getAddress().getPort() + "/ngsi-ld/v1/entities");
        HttpResponse<Void> r = http.send(http.request(uri, call).GET().build(), HttpResponse.BodyHandlers.discarding());
        assertThat(r.statusCode()).isEqualTo(204);
        return seenAuthorization.get(seenAuthorization.size() - 1);
    }

    private PeerAuthConfig clientCredentials(String secretFile, String secretEnv) {
        return new PeerAuthConfig("client-credentials", idp.tokenUrl(), "node", secretFile, secretEnv, null);
    }

    @Test
    void relayPassesTheCallersTokenOnlyToRelayPeers() throws Exception {
        assertThat(callPeer(peer(new PeerAuthConfig("relay", null, null, null, null, null)), "Bearer caller-token")).isEqualTo("Bearer caller-token");
        assertThat(callPeer(peer(PeerAuthConfig.none()), "Bearer caller-token")).isEqualTo("null");
        assertThat(callPeer(null, "Bearer caller-token")).as("no peer: e.g. a harvest source").isEqualTo("null");
        assertThat(callPeer(peer(new PeerAuthConfig("relay", null, null, null, null, null)), null)).isEqualTo("null");
    }

    @Test
    void clientCredentialsTokenIsFetchedOnceAndCachedUntilShortlyBeforeExpiry() throws Exception {
        Path secretFile = dir.resolve("city.secret");
        Files.writeString(secretFile, SECRET + "\n");
        idp.client("node", SECRET, 2);   // 2 s lifetime: refreshed after 1 s
        PeerConfig peer = peer(clientCredentials(secretFile.toString(), null));
        String first = callPeer(peer, "Bearer caller-token");
        assertThat(first).startsWith("Bearer ey").isNotEqualTo("Bearer caller-token");
        assertThat(callPeer(peer, null)).isEqualTo(first);
        assertThat(idp.tokenRequests.get()).isEqualTo(1);
        assertThat(idp.tokenRequestBodies.get(0)).isEqualTo("grant_type=client_credentials").doesNotContain(SECRET);
        Thread.sleep(1_100);
        String second = callPeer(peer, null);
        assertThat(idp.tokenRequests.get()).isEqualTo(2);
        // the token is a real one of the issuer: a verifier trusting it accepts it
        var verifier = new JwksTokenVerifier(new de.hanse.core.config.AuthConfig(true, List.of(idp.issuer()), null, null, null, null, null, null), http);
        assertThat(verifier.verify(second.substring(7)).subject()).isEqualTo("service-account-node");
        assertNoSecretsLogged(first.substring(7), second.substring(7));
    }

    @Test
    void secretFromEnvironmentAndFailuresNeverShowTheSecret() throws Exception {
        PeerConfig peer = peer(clientCredentials(null, "CITY_SECRET"));
        assertThat(callPeer(peer, null)).startsWith("Bearer ");
        idp.client("node", "another-secret", 300);
        tokens.invalidate("city");
        assertThatThrownBy(() -> callPeer(peer, null)).hasMessageContaining("HTTP 401").hasMessageNotContaining(SECRET);
        PeerConfig missing = peer(clientCredentials(null, "NOT_SET"));
        assertThatThrownBy(() -> callPeer(missing, null)).hasMessageContaining("env:NOT_SET");
        assertThat(peer.toString() + peer.auth() + tokens + http).doesNotContain(SECRET);
        assertNoSecretsLogged();
    }

    private void assertNoSecretsLogged(String... tokensSeen) {
        assertThat(logs.list).isNotEmpty();
        for (ILoggingEvent e : logs.list) {
            assertThat(e.getFormattedMessage()).doesNotContain(SECRET);
            for (String t : tokensSeen) assertThat(e.getFormattedMessage()).doesNotContain(t);
        }
    }
}
