package de.hanse.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import de.hanse.core.config.AuthConfig;
import de.hanse.core.http.OutboundHttp;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The filter in a real Jetty (Fuseki main, port 0) in front of a servlet that echoes the caller. */
class AuthFilterTest {
    private TestIssuer idp;
    private OutboundHttp http;
    private FusekiServer server;
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final HttpClient client = HttpClient.newHttpClient();

    /** Echoes the principal the filter attached. */
    static final class Echo extends HttpServlet {
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            Principal p = Principals.current(req);
            resp.setContentType("text/plain");
            resp.getWriter().write(p.subject() + " " + p.roles());
        }
    }

    /** Reads the caller the Jersey way, as the node's resources do. */
    @jakarta.ws.rs.Path("/whoami")
    public static final class WhoAmI {
        @jakarta.ws.rs.GET
        @jakarta.ws.rs.Produces("text/plain")
        public String get(@jakarta.ws.rs.core.Context jakarta.ws.rs.container.ContainerRequestContext request) {
            Principal p = Principals.current(request);
            return p.subject() + " " + (Principals.authorization(p) != null);
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        idp = TestIssuer.start("federation");
        http = new OutboundHttp(2);
    }

    @AfterEach
    void tearDown() {
        if (server != null) server.stop();
        http.close();
        idp.close();
    }

    private void serve(AuthConfig config) {
        TokenVerifier v = config.enabled() ? new JwksTokenVerifier(config, http) : null;
        server = FusekiServer.create().port(0).loopback(true).enablePing(false)
                .addFilter("/*", new AuthFilter(config, v, metrics))
                .addServlet("/jersey/*", new org.glassfish.jersey.servlet.ServletContainer(
                        new org.glassfish.jersey.server.ResourceConfig(WhoAmI.class)))
                .addServlet("/*", new Echo()).build().start();
    }

    private AuthConfig enabled(Map<String, String> permissions) {
        return new AuthConfig(true, List.of(idp.issuer()), TestIssuer.AUDIENCE, null, null, null, permissions, null);
    }

    private HttpResponse<String> call(String method, String path, String token, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getHttpPort() + path))
                .timeout(Duration.ofSeconds(10)).method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) b.header("Authorization", "Bearer " + token);
        for (int i = 0; i + 1 < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String token(String... roles) {
        return idp.token("key-1", c -> c.put("realm_access", Map.of("roles", List.of(roles))));
    }

    @Test
    void publicEndpointsAndPublicCatalogueNeedNoToken() throws Exception {
        serve(enabled(null));
        assertThat(call("GET", "/health/ready", null).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/metrics", null).statusCode()).isEqualTo(200);
        HttpResponse<String> cat = call("GET", "/catalogue", null);
        assertThat(cat.statusCode()).isEqualTo(200);
        assertThat(cat.body()).startsWith("anonymous");
        assertThat(call("GET", "/sparql?query=ASK%7B%7D", null).statusCode()).isEqualTo(200);
        assertThat(call("POST", "/sparql", null, "Content-Type", "application/sparql-query").statusCode()).isEqualTo(200);
        // updates and Graph Store Protocol writes are administration
        assertThat(call("POST", "/sparql", null, "Content-Type", "application/sparql-update").statusCode()).isEqualTo(401);
        assertThat(call("PUT", "/sparql?default", null, "Content-Type", "text/turtle").statusCode()).isEqualTo(401);
        assertThat(call("POST", "/sparql?default", null, "Content-Type", "text/turtle").statusCode()).isEqualTo(401);
        // a token that is sent must be valid, even where none is needed
        assertThat(call("GET", "/catalogue", "not.a.token").statusCode()).isEqualTo(401);
        assertThat(call("GET", "/catalogue", token("catalogue-reader")).body()).startsWith("user-1");
    }

    @Test
    void missingOrInvalidTokenIs401WithChallengeAndProblem() throws Exception {
        serve(enabled(null));
        HttpResponse<String> r = call("POST", "/api/harvest/sources/a/run", null);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate")).as("no token: the bare challenge, no error code (RFC 6750 3.1)")
                .hasValue("Bearer realm=\"hanse\"");
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(r.body()).contains("\"status\":401").contains("\"type\":\"https://w3id.org/hanse/problems/unauthorized\"");

        String expired = idp.token("key-1", c -> c.put("exp", new java.util.Date(System.currentTimeMillis() - 600_000)));
        HttpResponse<String> e = call("POST", "/api/harvest", expired);
        assertThat(e.statusCode()).isEqualTo(401);
        assertThat(e.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Bearer realm=\"hanse\", error=\"invalid_token\"")
                .contains("expired");
        assertThat(e.body()).doesNotContain(expired);
        assertThat(call("POST", "/api/harvest", "not.a.token").headers().firstValue("WWW-Authenticate").orElseThrow())
                .contains("error=\"invalid_token\"");

        HttpResponse<String> basic = call("POST", "/api/harvest", null, "Authorization", "Basic YTpi");
        assertThat(basic.statusCode()).isEqualTo(401);
        assertThat(basic.headers().firstValue("WWW-Authenticate")).as("another scheme is no bearer token either").hasValue("Bearer realm=\"hanse\"");

        HttpResponse<String> empty = call("POST", "/api/harvest", null, "Authorization", "Bearer ");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("error=\"invalid_request\"");
        assertThat(empty.body()).contains("\"status\":400");
    }

    @Test
    void missingRoleIs403AndRoleGrantsAccess() throws Exception {
        serve(enabled(null));
        HttpResponse<String> r = call("DELETE", "/api/harvest/sources/x", token("catalogue-reader"));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("\"status\":403").contains("catalogue-admin");
        assertThat(r.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(call("DELETE", "/api/harvest/sources/x", token("catalogue-admin")).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/harvest/sources", null).statusCode()).as("GET harvest is catalogue-read").isEqualTo(200);
        assertThat(call("POST", "/sparql/federated", token("ngsild-reader")).statusCode()).isEqualTo(403);
        assertThat(call("POST", "/sparql/federated", token("catalogue-reader")).statusCode()).isEqualTo(200);
        assertThat(call("POST", "/api/unknown-write", token("catalogue-reader")).statusCode()).as("unknown writes are admin").isEqualTo(403);
        assertThat(metrics.counter("hanse_auth_requests", "outcome", "forbidden").count()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void ngsiLdChecksRoleAndTenant() throws Exception {
        serve(enabled(null));
        String reader = token("ngsild-reader");   // tenant-a
        assertThat(call("GET", "/ngsi-ld/v1/entities?type=X", reader, "NGSILD-Tenant", "tenant-a").statusCode()).isEqualTo(200);
        HttpResponse<String> other = call("GET", "/ngsi-ld/v1/entities?type=X", reader, "NGSILD-Tenant", "tenant-b");
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(other.body()).contains("tenant-b");
        assertThat(call("GET", "/ngsi-ld/v1/entities?type=X", reader).statusCode()).as("bound token, default tenant").isEqualTo(403);
        assertThat(call("GET", "/ngsi-ld/v1/entities?type=X", reader, "NGSILD-Tenant", "tenant-a,tenant-b").statusCode()).isEqualTo(400);
        assertThat(call("GET", "/ngsi-ld/v1/entities?type=X", reader, "NGSILD-Tenant", "tenant-a", "NGSILD-Tenant", "tenant-b")
                .statusCode()).isEqualTo(400);
        assertThat(call("POST", "/ngsi-ld/v1/entities", reader, "NGSILD-Tenant", "tenant-a").statusCode()).isEqualTo(403);
        assertThat(call("POST", "/ngsi-ld/v1/entityOperations/query", reader, "NGSILD-Tenant", "tenant-a").statusCode()).isEqualTo(200);
        assertThat(call("POST", "/ngsi-ld/v1/csourceRegistrations", token("ngsild-writer"), "NGSILD-Tenant", "tenant-a").statusCode()).isEqualTo(403);
        String unbound = idp.token("key-1", c -> {
            c.remove("tenant");
            c.put("realm_access", Map.of("roles", List.of("ngsild-writer", "registration-admin")));
        });
        assertThat(call("POST", "/ngsi-ld/v1/csourceRegistrations", unbound).statusCode()).isEqualTo(200);
        assertThat(call("PATCH", "/ngsi-ld/v1/entities/urn:x/attrs", unbound, "NGSILD-Tenant", "tenant-a").statusCode()).isEqualTo(403);
        HttpResponse<String> none = call("GET", "/ngsi-ld/v1/entities?type=X", null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    }

    @Test
    void configuredPermissionsApply() throws Exception {
        serve(enabled(Map.of("catalogue-read", "catalogue-reader", "ngsild-read", "authenticated")));
        assertThat(call("GET", "/catalogue", null).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/api/datasets", token("ngsild-reader")).statusCode()).isEqualTo(403);
        assertThat(call("GET", "/api/datasets", token("catalogue-reader")).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/ngsi-ld/v1/types", token(), "NGSILD-Tenant", "tenant-a").statusCode()).isEqualTo(200);
    }

    @Test
    void jerseyResourcesSeeThePrincipal() throws Exception {
        serve(enabled(null));
        assertThat(call("GET", "/jersey/whoami", token("catalogue-reader")).body()).isEqualTo("user-1 true");
        assertThat(call("GET", "/jersey/whoami", null).body()).isEqualTo("anonymous false");
    }

    @Test
    void disabledAuthTreatsEveryoneAsAdmin() throws Exception {
        serve(AuthConfig.disabled());
        HttpResponse<String> r = call("DELETE", "/api/harvest/sources/x", null, "NGSILD-Tenant", "anything");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).startsWith("auth-disabled");
    }
}
