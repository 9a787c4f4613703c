package de.hanse.node.ngsild;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.hanse.node.HanseNode;
import de.hanse.node.TestNodes;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Small NGSI-LD helpers over {@link TestNodes} for the ITs: load fixtures, register sources, query. */
final class NgsiLdClient {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String REL = "; rel=\"http://www.w3.org/ns/json-ld#context\"; type=\"application/ld+json\"";
    private final TestNodes nodes;

    NgsiLdClient(TestNodes nodes) {
        this.nodes = nodes;
    }

    static String link(String contextUrl) {
        return "<" + contextUrl + ">" + REL;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Upserts a fixture ({@code src/test/resources/ngsild/<file>}) whose entities name {@code contextUrl}. */
    HttpResponse<String> load(HanseNode node, String file, String contextUrl, String... headers) {
        String body = StubBroker.resource(file).replace("\"CONTEXT\"", "\"" + contextUrl + "\"");
        return nodes.post(node, "ngsi-ld/v1/entityOperations/upsert", "application/ld+json", body, headers);
    }

    /** Registers {@code endpoint} at {@code node} for entities of {@code types} (terms of {@code contextUrl}). */
    HttpResponse<String> register(HanseNode node, String endpoint, String alias, String contextUrl, List<String> types, String extra) {
        StringBuilder ents = new StringBuilder();
        for (String t : types) ents.append(ents.length() == 0 ? "" : ",").append("{\"type\":\"").append(t).append("\"}");
        String body = "{\"type\":\"ContextSourceRegistration\",\"endpoint\":\"" + endpoint + "\""
                + (alias == null ? "" : ",\"contextSourceAlias\":\"" + alias + "\"")
                + ",\"information\":[{\"entities\":[" + ents + "]}]" + (extra == null ? "" : "," + extra) + "}";
        HttpResponse<String> r = nodes.post(node, "ngsi-ld/v1/csourceRegistrations", "application/json", body, "Link", link(contextUrl));
        if (r.statusCode() != 201) throw new AssertionError("registration failed: " + r.statusCode() + " " + r.body());
        return r;
    }

    HttpResponse<String> get(HanseNode node, String pathAndQuery, String contextUrl, String... more) {
        String[] h = new String[more.length + 2];
        h[0] = "Link";
        h[1] = link(contextUrl);
        System.arraycopy(more, 0, h, 2, more.length);
        return nodes.get(node, "ngsi-ld/v1/" + pathAndQuery, h);
    }

    HttpResponse<String> send(HttpRequest.Builder b, String... headers) {
        return nodes.send(b, headers);
    }

    static JsonNode json(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (Exception e) {
            throw new AssertionError("not JSON (" + r.statusCode() + "): " + r.body());
        }
    }

    static List<String> warnings(HttpResponse<String> r) {
        return r.headers().allValues("NGSILD-Warning");
    }

    static List<String> ids(HttpResponse<String> r) {
        JsonNode a = json(r);
        if (!a.isArray()) throw new AssertionError("expected an array (" + r.statusCode() + "): " + r.body());
        List<String> out = new java.util.ArrayList<>();
        a.forEach(e -> out.add(e.path("id").asText()));
        return out;
    }
}
