package de.hanse.node.ngsild;

import static de.hanse.node.ngsild.NgsiLdClient.ids;
import static de.hanse.node.ngsild.NgsiLdClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.hanse.core.config.NodeConfig;
import de.hanse.node.HanseNode;
import de.hanse.node.TestNodes;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One node as a city's broker: entity and attribute writes, batches, tenants, errors, and restarts. */
class NgsiLdBrokerIT {
    static final String CORE = "https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context-v1.8.jsonld";
    private final TestNodes nodes = new TestNodes();
    private final NgsiLdClient ngsi = new NgsiLdClient(nodes);

    @AfterEach
    void close() {
        nodes.close();
    }

    private HttpResponse<String> post(HanseNode n, String path, String body, String... headers) {
        return nodes.post(n, "ngsi-ld/v1/" + path, "application/json", body, headers);
    }

    private HttpResponse<String> send(HanseNode n, String method, String path, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(n.baseUri().resolve("ngsi-ld/v1/" + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) b.header("Content-Type", "application/json");
        return nodes.send(b, headers);
    }

    private static void assertProblem(HttpResponse<String> r, int status, String type) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(c -> assertThat(c).startsWith("application/json"));
        assertThat(json(r).path("type").asText()).isEqualTo("https://uri.etsi.org/ngsi-ld/errors/" + type);
    }

    @Test
    void entityAndAttributeLifecycle() {
        HanseNode n = nodes.start("hro");
        String id = "urn:ngsi-ld:OffStreetParking:p1";
        assertThat(post(n, "entities", "{\"id\":\"" + id + "\",\"type\":\"OffStreetParking\",\"free\":5}").statusCode()).isEqualTo(201);
        assertProblem(post(n, "entities", "{\"id\":\"" + id + "\",\"type\":\"OffStreetParking\"}"), 409, "AlreadyExists");
        String query = "ngsi-ld/v1/entities?type=OffStreetParking&options=keyValues";
        assertThat(json(nodes.get(n, query)).at("/0/free").asInt()).isEqualTo(5);
        assertThat(post(n, "entities/" + id + "/attrs", "{\"total\":{\"type\":\"Property\",\"value\":50}}").statusCode()).isEqualTo(204);
        // the same query again shows the write at once (rendered entities are kept per stored version)
        assertThat(json(nodes.get(n, query)).at("/0/total").asInt()).isEqualTo(50);
        HttpResponse<String> partial = send(n, "PATCH", "entities/" + id + "/attrs", "{\"free\":7,\"nope\":1}");
        assertThat(partial.statusCode()).isEqualTo(207);
        assertThat(json(partial).at("/notUpdated/0/attributeName").asText()).isEqualTo("nope");
        assertThat(send(n, "PATCH", "entities/" + id + "/attrs/free", "{\"value\":8,\"observedAt\":\"2026-11-29T03:00:00Z\"}").statusCode()).isEqualTo(204);
        JsonNode e = json(nodes.get(n, "ngsi-ld/v1/entities/" + id + "?options=sysAttrs"));
        assertThat(e.at("/free/value").asInt()).isEqualTo(8);
        assertThat(e.at("/free/observedAt").asText()).isEqualTo("2026-11-29T03:00:00Z");
        assertThat(e.at("/total/value").asInt()).isEqualTo(50);
        assertThat(e.has("createdAt")).isTrue();
        assertThat(json(nodes.get(n, query)).at("/0/free").asInt()).isEqualTo(8);
        // a percent-encoded id names the same entity; application/ld+json carries the context in the body
        HttpResponse<String> encoded = nodes.get(n, "ngsi-ld/v1/entities/" + NgsiLdClient.enc(id), "Accept", "application/ld+json");
        assertThat(encoded.statusCode()).isEqualTo(200);
        assertThat(encoded.headers().firstValue("Content-Type")).hasValueSatisfying(c -> assertThat(c).startsWith("application/ld+json"));
        assertThat(json(encoded).path("id").asText()).isEqualTo(id);
        assertThat(json(encoded).path("@context").asText()).isEqualTo(CORE);
        assertThat(encoded.headers().firstValue("Link")).isEmpty();
        assertThat(send(n, "DELETE", "entities/" + id + "/attrs/total", null).statusCode()).isEqualTo(204);
        assertProblem(send(n, "DELETE", "entities/" + id + "/attrs/total", null), 404, "ResourceNotFound");
        assertThat(send(n, "DELETE", "entities/" + id, null).statusCode()).isEqualTo(204);
        assertProblem(nodes.get(n, "ngsi-ld/v1/entities/" + id), 404, "ResourceNotFound");
    }

    @Test
    void clientMistakesAreProblemDetailsNever500() {
        HanseNode n = nodes.start("hro");
        assertProblem(nodes.get(n, "ngsi-ld/v1/entities"), 400, "BadRequestData");
        assertProblem(nodes.get(n, "ngsi-ld/v1/entities?type=T&q=" + NgsiLdClient.enc("a==(")), 400, "BadRequestData");
        assertProblem(nodes.get(n, "ngsi-ld/v1/entities?type=T&georel=near&geometry=Point&coordinates=" + NgsiLdClient.enc("[1,2]")), 400, "BadRequestData");
        assertProblem(nodes.get(n, "ngsi-ld/v1/entities?type=T&georel=within&geometry=Polygon&coordinates=" + NgsiLdClient.enc("[[[0,0],[1,1]]]")), 400, "BadRequestData");
        assertProblem(nodes.get(n, "ngsi-ld/v1/entities?type=T&limit=5000"), 403, "TooManyResults");
        assertProblem(nodes.get(n, "ngsi-ld/v1/entities?type=T&limit=abc"), 400, "BadRequestData");
        assertProblem(nodes.get(n, "ngsi-ld/v1/entities/urn:x:none", "NGSILD-Tenant", "bad tenant!"), 400, "BadRequestData");
        assertProblem(nodes.get(n, "ngsi-ld/v1/entities?type=T", "NGSILD-Tenant", "unknown"), 404, "NonexistentTenant");
        assertProblem(nodes.get(n, "ngsi-ld/v1/entities?type=T", "Link", NgsiLdClient.link("https://example.org/ctx.jsonld")), 503, "LdContextNotAvailable");
        assertProblem(post(n, "entities", "{not json"), 400, "InvalidRequest");
        assertProblem(nodes.post(n, "ngsi-ld/v1/entities", "text/plain", "{\"id\":\"urn:x:1\",\"type\":\"T\"}"), 415, "InvalidRequest");
        assertProblem(post(n, "entities", "{\"id\":\"no-uri\",\"type\":\"T\"}"), 400, "BadRequestData");
        assertProblem(post(n, "entities", "{\"id\":\"urn:x:1\",\"type\":\"T\",\"@context\":\"" + CORE + "\"}"), 400, "BadRequestData");
        assertProblem(post(n, "entities", "{\"id\":\"urn:x:1\",\"type\":\"T\",\"loc\":{\"type\":\"GeoProperty\",\"value\":{\"type\":\"Point\"}}}"), 400, "BadRequestData");
        assertProblem(nodes.post(n, "ngsi-ld/v1/entities", "application/ld+json", "{\"id\":\"urn:x:1\",\"type\":\"T\"}"), 400, "BadRequestData");
        assertProblem(post(n, "csourceRegistrations", "{\"type\":\"ContextSourceRegistration\",\"endpoint\":\"http://x\",\"information\":[]}"), 400, "BadRequestData");
        assertProblem(post(n, "csourceRegistrations", "{\"type\":\"ContextSourceRegistration\",\"endpoint\":\"http://x\",\"information\":[{\"entities\":[{\"type\":\"T\"}]}],\"mode\":\"exclusive\"}"), 400, "BadRequestData");
        assertProblem(send(n, "DELETE", "csourceRegistrations/urn:x:none", null), 404, "ResourceNotFound");
        assertProblem(post(n, "entityOperations/fly", "[]"), 404, "ResourceNotFound");
    }

    @Test
    void batchesTenantsAndBatchQuery() {
        HanseNode n = nodes.start("hro");
        String t = "NGSILD-Tenant";
        HttpResponse<String> created = post(n, "entityOperations/create",
                "[{\"id\":\"urn:x:1\",\"type\":\"T\",\"v\":1},{\"id\":\"urn:x:2\",\"type\":\"T\",\"v\":2},{\"id\":\"bad\",\"type\":\"T\"}]", t, "hro");
        assertThat(created.statusCode()).isEqualTo(207);
        assertThat(json(created).get("success").toString()).isEqualTo("[\"urn:x:1\",\"urn:x:2\"]");
        assertThat(json(created).at("/errors/0/error/type").asText()).endsWith("BadRequestData");
        assertThat(post(n, "entityOperations/upsert", "[{\"id\":\"urn:x:2\",\"type\":\"T\",\"w\":3}]", t, "hro").statusCode()).isEqualTo(204);
        HttpResponse<String> upserted = post(n, "entityOperations/upsert", "[{\"id\":\"urn:x:3\",\"type\":\"T\"}]", t, "hro");
        assertThat(upserted.statusCode()).isEqualTo(201);
        assertThat(upserted.body()).isEqualTo("[\"urn:x:3\"]");
        assertThat(send(n, "DELETE", "entities/urn:x:3", null, t, "hro").statusCode()).isEqualTo(204);
        assertThat(post(n, "entityOperations/update", "[{\"id\":\"urn:x:1\",\"type\":\"T\",\"v\":10}]", t, "hro").statusCode()).isEqualTo(204);
        assertThat(ids(nodes.get(n, "ngsi-ld/v1/entities?type=T", t, "hro"))).containsExactly("urn:x:1", "urn:x:2");
        assertThat(ids(nodes.get(n, "ngsi-ld/v1/entities?type=T"))).isEmpty();
        JsonNode two = json(nodes.get(n, "ngsi-ld/v1/entities/urn:x:2", t, "hro"));
        assertThat(two.has("v")).isFalse();
        assertThat(two.at("/w/value").asInt()).isEqualTo(3);
        HttpResponse<String> q = post(n, "entityOperations/query?count=true",
                "{\"type\":\"Query\",\"entities\":[{\"type\":\"T\"}],\"q\":\"v>5\"}", t, "hro");
        assertThat(ids(q)).containsExactly("urn:x:1");
        assertThat(q.headers().firstValue("NGSILD-Results-Count")).hasValue("1");
        assertThat(post(n, "entityOperations/delete", "[\"urn:x:1\",\"urn:x:9\"]", t, "hro").statusCode()).isEqualTo(207);
        assertThat(ids(nodes.get(n, "ngsi-ld/v1/entities?type=T", t, "hro"))).containsExactly("urn:x:2");
        JsonNode who = json(nodes.get(n, "ngsi-ld/v1/info/sourceIdentity"));
        assertThat(who.path("contextSourceAlias").asText()).isEqualTo("hro");
    }

    @Test
    void entitiesAndRegistrationsSurviveARestart(@TempDir Path dir) {
        NodeConfig cfg = NodeConfig.inMemory("hro").withDataDir(dir.toString());
        HanseNode n = nodes.start(cfg);
        post(n, "entities", "{\"id\":\"urn:x:1\",\"type\":\"T\",\"v\":1}", "NGSILD-Tenant", "hro");
        post(n, "csourceRegistrations", "{\"id\":\"urn:reg:1\",\"type\":\"ContextSourceRegistration\",\"endpoint\":\"http://127.0.0.1:9/\","
                + "\"information\":[{\"entities\":[{\"type\":\"T\"}]}]}");
        n.close();
        HanseNode again = nodes.start(cfg);
        assertThat(json(nodes.get(again, "ngsi-ld/v1/entities/urn:x:1", "NGSILD-Tenant", "hro")).at("/v/value").asInt()).isEqualTo(1);
        JsonNode reg = json(nodes.get(again, "ngsi-ld/v1/csourceRegistrations/urn:reg:1"));
        assertThat(reg.at("/information/0/entities/0/type").asText()).isEqualTo("T");
        assertThat(send(again, "PATCH", "csourceRegistrations/urn:reg:1", "{\"mode\":\"auxiliary\"}").statusCode()).isEqualTo(204);
        assertThat(json(nodes.get(again, "ngsi-ld/v1/csourceRegistrations?type=T")).get(0).path("mode").asText()).isEqualTo("auxiliary");
        assertThat(json(nodes.get(again, "ngsi-ld/v1/csourceRegistrations?type=Other"))).isEmpty();
    }
}
