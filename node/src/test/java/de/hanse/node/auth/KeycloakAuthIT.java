package de.hanse.node.auth;

import static org.assertj.core.api.Assertions.assertThat;

import de.hanse.core.config.PeerAuthConfig;
import de.hanse.core.config.PeerConfig;
import de.hanse.core.http.CallContext;
import de.hanse.node.HanseNode;
import de.hanse.node.TestNodes;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole nodes (port 0) behind real Keycloak tokens from the realms in {@code config/keycloak/}. Skipped unless
 * {@code HANSE_KEYCLOAK_URL} is set ({@code eval "$(.ci/keycloak.sh start)"}).
 */
class KeycloakAuthIT {
    private static final String ASK = TestNodes.sparql("ASK { ?s ?p ?o }");
    private static final String ENTITIES = "ngsi-ld/v1/entities?type=https%3A%2F%2Fexample.org%2FThing";

    private final TestNodes nodes = new TestNodes();
    private KeycloakFixture kc;
    @TempDir Path dir;

    @BeforeEach
    void keycloak() {
        kc = KeycloakFixture.require();
    }

    @AfterEach
    void close() {
        nodes.close();
    }


    private HttpResponse<String> get(HanseNode node, String path, String token, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Authorization";
        all[1] = "Bearer " + token;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return token == null ? nodes.get(node, path, headers) : nodes.get(node, path, all);
    }

    private String serviceToken() {
        return kc.clientCredentials(kc.issuer, "federation-node", "federation-node-secret");
    }

    @Test
    void clientCredentialsAndPasswordGrantTokensAreAccepted() {
        HanseNode node = nodes.start(KeycloakFixture.secured("state", kc.issuer));
        HttpResponse<String> machine = get(node, ASK, serviceToken(), "Accept", "application/sparql-results+json");
        assertThat(machine.statusCode()).isEqualTo(200);
        assertThat(machine.body()).contains("\"boolean\"");
        assertThat(get(node, ASK, kc.password("alice")).statusCode()).isEqualTo(200);
        assertThat(get(node, ASK, kc.password("bob")).statusCode()).isEqualTo(200);
        assertThat(nodes.get(node, "health/ready").statusCode()).as("health stays public").isEqualTo(200);
    }

    @Test
    void missingForeignOrForgedTokenIs401() {
        HanseNode node = nodes.start(KeycloakFixture.secured("state", kc.issuer));
        HttpResponse<String> none = nodes.get(node, ASK);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).as("RFC 6750 3.1: no error code without a token").hasValue("Bearer realm=\"hanse\"");
        assertThat(none.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        // a genuine token of the other realm, which this node does not trust
        String city = kc.clientCredentials(kc.peerIssuer, "state-node", "state-node-secret");
        assertThat(get(node, ASK, city).headers().firstValue("WWW-Authenticate").orElseThrow()).contains("issuer is not trusted");
        String[] parts = serviceToken().split("\\.");
        String forged = parts[0] + "." + parts[1].substring(0, parts[1].length() - 4) + "AAAA." + parts[2];
        assertThat(get(node, ASK, forged).statusCode()).isEqualTo(401);
    }

    @Test
    void missingRoleIs403() {
        HanseNode node = nodes.start(KeycloakFixture.secured("state", kc.issuer));
        HttpResponse<String> bob = nodes.post(node, "api/harvest/sources/x/run", "application/json", "{}",
                "Authorization", "Bearer " + kc.password("bob"));
        assertThat(bob.statusCode()).isEqualTo(403);
        assertThat(bob.body()).contains("catalogue-admin");
        assertThat(nodes.post(node, "api/harvest/sources/x/run", "application/json", "{}",
                "Authorization", "Bearer " + serviceToken()).statusCode()).isEqualTo(403);
        assertThat(nodes.post(node, "api/harvest/sources/x/run", "application/json", "{}",
                "Authorization", "Bearer " + kc.password("alice")).statusCode()).as("admin passes the filter").isNotIn(401, 403);
        assertThat(get(node, ENTITIES, kc.password("bob"), "NGSILD-Tenant", "tenant-b").statusCode()).isEqualTo(403);
    }

    @Test
    void tenantMismatchIs403() {
        HanseNode node = nodes.start(KeycloakFixture.secured("state", kc.issuer));
        String alice = kc.password("alice");   // tenant-a, ngsild-writer (composite of ngsild-reader)
        HttpResponse<String> other = get(node, ENTITIES, alice, "NGSILD-Tenant", "tenant-b");
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.body()).contains("tenant-b");
        assertThat(get(node, ENTITIES, alice).statusCode()).as("tenant-bound token on the default tenant").isEqualTo(403);
        assertThat(get(node, ENTITIES, alice, "NGSILD-Tenant", "tenant-a").statusCode()).isNotIn(401, 403);
        // the service account holds ngsild-reader as a client role (resource_access)
        assertThat(get(node, ENTITIES, serviceToken(), "NGSILD-Tenant", "tenant-a").statusCode()).isNotIn(401, 403);
    }

    /** Calls {@code peer}'s SPARQL endpoint through {@code from}'s outbound HTTP, as federated queries do. */
    private int callPeer(HanseNode from, PeerConfig peer, String callerAuthorization) throws Exception {
        CallContext call = new CallContext(null, callerAuthorization, null, Instant.now().plusSeconds(20)).forPeer(peer);
        var http = from.context().http();
        var request = http.request(java.net.URI.create(peer.sparql() + "?query=ASK%7B%3Fs%3Fp%3Fo%7D"), call).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void callersTokenIsRelayedToAPeerNodeThatChecksIt() throws Exception {
        HanseNode city = nodes.start(KeycloakFixture.secured("city", kc.issuer));
        PeerConfig peer = new PeerConfig("city", city.baseUri().toString(), null, null, null, null, null,
                new PeerAuthConfig("relay", null, null, null, null, null));
        HanseNode state = nodes.start(KeycloakFixture.secured("state", kc.issuer).withPeers(List.of(peer)));
        assertThat(callPeer(state, peer, "Bearer " + kc.password("alice"))).isEqualTo(200);
        assertThat(callPeer(state, peer, null)).as("nothing to relay").isEqualTo(401);
        String[] parts = kc.password("alice").split("\\.");
        assertThat(callPeer(state, peer, "Bearer " + parts[0] + "." + parts[1] + "." + parts[2].substring(5))).isEqualTo(401);
    }

    @Test
    void clientCredentialsToAPeerTrustingASecondRealm() throws Exception {
        HanseNode city = nodes.start(KeycloakFixture.secured("city", kc.peerIssuer));
        Path secret = dir.resolve("city-client.secret");
        Files.writeString(secret, "state-node-secret\n");
        PeerConfig peer = new PeerConfig("city", city.baseUri().toString(), null, null, null, null, null,
                new PeerAuthConfig("client-credentials", KeycloakFixture.tokenUrl(kc.peerIssuer), "state-node",
                        secret.toString(), null, null));
        HanseNode state = nodes.start(KeycloakFixture.secured("state", kc.issuer).withPeers(List.of(peer)));
        // the caller's (federation realm) token is not what the city sees: the state node uses its own client
        assertThat(callPeer(state, peer, "Bearer " + kc.password("alice"))).isEqualTo(200);
        assertThat(callPeer(state, peer, null)).isEqualTo(200);
        // the city does not trust the federation realm
        assertThat(get(city, ASK, kc.password("alice")).statusCode()).isEqualTo(401);
    }

    @Test
    void realmKeyRotationDuringTheTestKeepsTheNodeWorking() throws Exception {
        HanseNode node = nodes.start(KeycloakFixture.secured("state", kc.issuer));
        String before = serviceToken();
        long firstFetch = System.nanoTime();
        assertThat(get(node, ASK, before).statusCode()).isEqualTo(200);

        kc.rotateKey("federation", 1000 + (int) (System.currentTimeMillis() / 1000 % 1_000_000));
        String after = serviceToken();
        assertThat(KeycloakFixture.kid(after)).isNotEqualTo(KeycloakFixture.kid(before));
        assertThat(get(node, ASK, before).statusCode()).as("tokens signed before the rotation").isEqualTo(200);
        // the node refreshes a JWKS at most every 10 s; once that has passed the new key is fetched on first sight
        long waitMs = 10_500 - (System.nanoTime() - firstFetch) / 1_000_000;
        if (waitMs > 0) Thread.sleep(waitMs);
        assertThat(get(node, ASK, after).statusCode()).isEqualTo(200);
        assertThat(get(node, ASK, serviceToken()).statusCode()).isEqualTo(200);
        assertThat(get(node, ASK, before).statusCode()).isEqualTo(200);
    }
}
