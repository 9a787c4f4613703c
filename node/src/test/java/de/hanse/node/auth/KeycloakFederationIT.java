package de.hanse.node.auth;

import static org.assertj.core.api.Assertions.assertThat;

import de.hanse.core.config.AuthConfig;
import de.hanse.core.config.NodeConfig;
import de.hanse.core.config.PeerAuthConfig;
import de.hanse.core.config.PeerConfig;
import de.hanse.node.HanseNode;
import de.hanse.node.TestNodes;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole chain through a federated query: a caller's Keycloak token reaches the state node's
 * {@code /sparql/federated}, which calls a city node that checks a token itself, relayed or obtained by the state
 * node's own client in the city's realm. Skipped unless {@code HANSE_KEYCLOAK_URL} is set.
 */
class KeycloakFederationIT {
    private static final String EX = "https://example.org/";
    private static final String QUERY = "SELECT ?o WHERE { ?s <https://example.org/p> ?o }";

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


    /** A city node holding one triple, behind tokens of {@code issuer}. */
    private HanseNode city(String issuer) {
        HanseNode city = nodes.start(KeycloakFixture.secured("city", issuer));
        city.context().store().write(g -> g.add(Quad.create(NodeFactory.createURI("urn:test:g"),
                NodeFactory.createURI("urn:test:s"), NodeFactory.createURI("https://example.org/p"), NodeFactory.createLiteralString("from-city"))));
        return city;
    }

    private static PeerConfig peer(HanseNode city, PeerAuthConfig auth) {
        return new PeerConfig("city", city.baseUri().toString(), null, null, null, null, null, auth);
    }

    private HttpResponse<String> federated(HanseNode state, String token) {
        return nodes.get(state, "sparql/federated?query=" + URLEncoder.encode(QUERY, StandardCharsets.UTF_8),
                "Accept", "application/sparql-results+json", "Authorization", "Bearer " + token);
    }

    @Test
    void callersTokenTravelsThroughAFederatedQueryToThePeer() {
        HanseNode city = city(kc.issuer);
        HanseNode state = nodes.start(KeycloakFixture.secured("state", kc.issuer)
                .withPeers(List.of(peer(city, new PeerAuthConfig("relay", null, null, null, null, null)))));
        HttpResponse<String> r = federated(state, kc.password("alice"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("from-city");

        // without credentials for the peer the city refuses, and its data does not appear
        HanseNode closed = nodes.start(KeycloakFixture.secured("state-none", kc.issuer).withPeers(List.of(peer(city, PeerAuthConfig.none()))));
        HttpResponse<String> none = federated(closed, kc.password("alice"));
        assertThat(none.body()).doesNotContain("from-city");
    }

    @Test
    void ngsiLdQueryRelaysTheTokenAndTenantThroughARegistration() {
        HanseNode city = nodes.start(KeycloakFixture.secured("city", kc.issuer));
        // the state node hides the owner from callers who are not catalogue admins, also in what peers send
        var policy = new AuthConfig.AttributePolicyConfig(EX + "Thing", EX + "ownerName", List.of("catalogue-admin"));
        NodeConfig stateConfig = KeycloakFixture.secured("state", kc.issuer);
        AuthConfig a = stateConfig.auth();
        HanseNode state = nodes.start(stateConfig.withAuth(new AuthConfig(true, a.issuers(), a.audience(), null, null,
                null, a.permissions(), List.of(policy))));
        String alice = "Bearer " + kc.password("alice");   // ngsild-writer + registration-admin + catalogue-admin, tenant-a
        String entity = "{\"id\":\"urn:ngsi-ld:Thing:1\",\"type\":\"https://example.org/Thing\","
                + "\"https://example.org/name\":{\"type\":\"Property\",\"value\":\"from-city\"},"
                + "\"https://example.org/ownerName\":{\"type\":\"Property\",\"value\":\"Erika Mustermann\"}}";
        assertThat(nodes.post(city, "ngsi-ld/v1/entities", "application/json", entity,
                "Authorization", alice, "NGSILD-Tenant", "tenant-a").statusCode()).isEqualTo(201);
        String registration = "{\"type\":\"ContextSourceRegistration\",\"endpoint\":\"" + city.baseUri() + "\","
                + "\"information\":[{\"entities\":[{\"type\":\"https://example.org/Thing\"}]}],"
                + "\"contextSourceInfo\":[{\"key\":\"Authorization\",\"value\":\"urn:ngsi-ld:request\"}]}";
        HttpResponse<String> reg = nodes.post(state, "ngsi-ld/v1/csourceRegistrations", "application/json", registration,
                "Authorization", alice, "NGSILD-Tenant", "tenant-a");
        assertThat(reg.statusCode()).as(reg.body()).isEqualTo(201);

        String query = "ngsi-ld/v1/entities?type=" + URLEncoder.encode("https://example.org/Thing", StandardCharsets.UTF_8);
        HttpResponse<String> r = nodes.get(state, query, "Authorization", alice, "NGSILD-Tenant", "tenant-a");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("from-city").contains("Erika Mustermann");
        // the node's service account reads through its client role, but may not see the owner
        HttpResponse<String> service = nodes.get(state, query, "Authorization", "Bearer " + kc.clientCredentials(kc.issuer,
                "federation-node", "federation-node-secret"), "NGSILD-Tenant", "tenant-a");
        assertThat(service.statusCode()).as(service.body()).isEqualTo(200);
        assertThat(service.body()).contains("from-city").doesNotContain("Erika Mustermann");
        // bob may not read NGSI-LD at all; at the state node already
        assertThat(nodes.get(state, query, "Authorization", "Bearer " + kc.password("bob"), "NGSILD-Tenant", "tenant-a")
                .statusCode()).isEqualTo(403);
    }

    @Test
    void stateNodeUsesItsOwnClientInTheCitysRealm() throws Exception {
        HanseNode city = city(kc.peerIssuer);
        Path secret = dir.resolve("city.secret");
        Files.writeString(secret, "state-node-secret");
        HanseNode state = nodes.start(KeycloakFixture.secured("state", kc.issuer).withPeers(List.of(peer(city, new PeerAuthConfig(
                "client-credentials", KeycloakFixture.tokenUrl(kc.peerIssuer), "state-node", secret.toString(), null, null)))));
        HttpResponse<String> r = federated(state, kc.password("alice"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("from-city");
        assertThat(federated(state, "not-a-token").statusCode()).as("the state node still checks its caller").isEqualTo(401);
    }
}
