package de.hanse.node.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.hanse.catalogue.openapi.OpenApiModule;
import de.hanse.core.auth.EndpointFamily;
import de.hanse.node.HanseNode;
import de.hanse.node.TestNodes;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code /openapi.json} in step with the node: every operation in the running Jersey resource model (and the
 * SPARQL endpoint, which Fuseki serves outside Jersey) must be described, and nothing may be described that the node
 * does not serve.
 */
class OpenApiCoverageIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Served by Fuseki, not Jersey. */
    private static final List<String> NON_JERSEY = List.of("get /sparql", "post /sparql");
    private final TestNodes nodes = new TestNodes();

    @AfterEach
    void close() {
        nodes.close();
    }

    @Test
    void documentDescribesEveryOperationTheNodeServes() throws Exception {
        HanseNode node = nodes.start("openapi");
        HttpResponse<String> r = nodes.get(node, "openapi.json");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode doc = JSON.readTree(r.body());
        assertThat(doc.get("openapi").asText()).startsWith("3.");

        Set<String> documented = new TreeSet<>();
        doc.get("paths").fields().forEachRemaining(p -> p.getValue().fieldNames().forEachRemaining(m -> {
            if (List.of("get", "put", "post", "delete", "patch", "head", "options").contains(m)) documented.add(m + " " + p.getKey());
        }));
        List<String> served = new ArrayList<>(node.module(OpenApiModule.class).jerseyOperations());
        assertThat(served).as("the recorder saw the Jersey model of every module").contains("get /api/datasets", "get /openapi.json",
                "get /health/live", "get /health/ready", "get /metrics", "get /sparql/federated", "post /sparql/federated",
                "get /catalogue", "post /api/harvest/sources/{name}/runs", "get /api/harvest/runs/{id}",
                "get /ngsi-ld/v1/entities", "post /ngsi-ld/v1/entityOperations/{op}", "post /ngsi-ld/v1/csourceRegistrations");
        served.addAll(NON_JERSEY);

        assertThat(documented).as("operations the node serves but the OpenAPI document does not describe")
                .containsAll(served);
        assertThat(served).as("operations described but not served").containsAll(documented);
    }

    /**
     * The security of each operation matches what {@link EndpointFamily} (the auth filter's mapping) does with it:
     * public families declare no security and no 401/403; every other operation declares the bearer scheme (optional
     * only for catalogue-read, public by default), names its family in {@code x-hanse-permission} and describes 401
     * and 403.
     */
    @Test
    void securityOfEveryOperationMatchesTheAuthFilter() throws Exception {
        HanseNode node = nodes.start("openapi3");
        JsonNode doc = JSON.readTree(nodes.get(node, "openapi.json").body());
        assertThat(doc.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        assertThat(doc.at("/components/securitySchemes/bearer/bearerFormat").asText()).isEqualTo("JWT");
        doc.get("paths").fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(op -> {
            String what = op.getKey() + " " + p.getKey();
            String path = p.getKey().replaceAll("\\{[^}]+}", "x");
            String contentType = op.getValue().path("requestBody").path("content").fieldNames().hasNext()
                    ? op.getValue().path("requestBody").path("content").fieldNames().next() : null;
            EndpointFamily family = EndpointFamily.of(op.getKey(), path, contentType);
            JsonNode security = op.getValue().get("security");
            JsonNode responses = op.getValue().get("responses");
            assertThat(security).as("security of " + what).isNotNull();
            if (family == EndpointFamily.PUBLIC) {
                assertThat(security).as(what + " is public").isEmpty();
                assertThat(responses.has("401") || responses.has("403")).as(what + " never refuses").isFalse();
                return;
            }
            assertThat(op.getValue().path("x-hanse-permission").asText()).as("permission of " + what).isEqualTo(family.key());
            assertThat(security.toString()).as(what).contains("{\"bearer\":[]}");
            assertThat(security.toString().contains("{}")).as(what + " is optional only where public by default")
                    .isEqualTo(family == EndpointFamily.CATALOGUE_READ);
            assertThat(responses.path("401").path("$ref").asText()).as("401 of " + what).isEqualTo("#/components/responses/Unauthorized");
            assertThat(responses.path("403").path("$ref").asText()).as("403 of " + what).isEqualTo("#/components/responses/Forbidden");
        }));
        assertThat(doc.at("/components/responses/Unauthorized/headers/WWW-Authenticate")).isNotNull();
    }

    @Test
    void everyOperationHasResponsesAndPathParametersAreDeclared() throws Exception {
        HanseNode node = nodes.start("openapi2");
        JsonNode doc = JSON.readTree(nodes.get(node, "openapi.json").body());
        doc.get("paths").fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(op -> {
            assertThat(op.getValue().get("responses")).as(op.getKey() + " " + p.getKey()).isNotNull();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(p.getKey());
            while (m.find()) {
                String name = m.group(1);
                boolean declared = false;
                for (JsonNode param : op.getValue().path("parameters")) declared |= param.get("name").asText().equals(name) && param.get("in").asText().equals("path");
                assertThat(declared).as("path parameter " + name + " of " + op.getKey() + " " + p.getKey()).isTrue();
            }
        }));
    }
}
