package de.hanse.node.ngsild;

import static de.hanse.node.ngsild.NgsiLdClient.ids;
import static de.hanse.node.ngsild.NgsiLdClient.json;
import static de.hanse.node.ngsild.NgsiLdClient.warnings;
import static org.assertj.core.api.Assertions.assertThat;

import de.hanse.node.HanseNode;
import de.hanse.node.TestNodes;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Federation shapes: a three-level chain, a registration loop, and peers that are down, slow or broken. */
class NgsiLdTopologyIT {
    static final String HAFEN = "urn:ngsi-ld:OffStreetParking:rostock-stadthafen";
    static final String A20 = "urn:ngsi-ld:OffStreetParking:a20-grenze";
    static final String AIR = "urn:ngsi-ld:AirQualityObserved:rostock-holbeinplatz";
    private final TestNodes nodes = new TestNodes();
    private final NgsiLdClient ngsi = new NgsiLdClient(nodes);
    private StubBroker stub;
    private String en;

    @BeforeEach
    void stub() throws Exception {
        stub = new StubBroker();
        en = stub.context("rostock-context.jsonld");
    }

    @AfterEach
    void close() {
        nodes.close();
        stub.close();
    }

    @Test
    void stateRegionCityChain() {
        HanseNode city = nodes.start("rostock");
        HanseNode region = nodes.start("mittleres-mecklenburg");
        HanseNode state = nodes.start("mv");
        ngsi.load(city, "rostock.jsonld", en);
        ngsi.register(region, city.baseUri().toString(), "rostock", en, List.of("OffStreetParking", "AirQualityObserved"), null);
        ngsi.register(state, region.baseUri().toString(), "mittleres-mecklenburg", en, List.of("AirQualityObserved"), null);
        HttpResponse<String> r = ngsi.get(state, "entities?type=AirQualityObserved&count=true", en);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(ids(r)).containsExactly(AIR);
        assertThat(json(r).at("/0/no2/value").asDouble()).isEqualTo(31.5);
        assertThat(json(r).at("/0/no2/unitCode").asText()).isEqualTo("GQ");
        assertThat(r.headers().firstValue("NGSILD-Results-Count")).hasValue("1");
        assertThat(warnings(r)).isEmpty();
        // the state's registration covers air quality only: parking is not asked for
        assertThat(ids(ngsi.get(state, "entities?type=OffStreetParking", en))).isEmpty();
        assertThat(ids(ngsi.get(region, "entities?type=OffStreetParking", en))).containsExactly(A20, HAFEN);
    }

    @Test
    void registrationLoopIsCutWithAWarning() {
        HanseNode a = nodes.start("node-a");
        HanseNode b = nodes.start("node-b");
        ngsi.load(a, "rostock.jsonld", en);
        ngsi.register(a, b.baseUri().toString(), "node-b", en, List.of("OffStreetParking"), null);
        ngsi.register(b, a.baseUri().toString(), "node-a", en, List.of("OffStreetParking"), null);
        HttpResponse<String> atA = ngsi.get(a, "entities?type=OffStreetParking&count=true", en);
        assertThat(ids(atA)).containsExactly(A20, HAFEN);
        assertThat(atA.headers().firstValue("NGSILD-Results-Count")).hasValue("2");
        // b did not ask a again (a is in Via) and says so; a relays b's warning
        assertThat(warnings(atA)).containsExactly("199 node-a \"loop detected, source not asked\"");
        HttpResponse<String> atB = ngsi.get(b, "entities?type=OffStreetParking", en);
        assertThat(ids(atB)).containsExactly(A20, HAFEN);
        assertThat(warnings(atB)).containsExactly("199 node-b \"loop detected, source not asked\"");
    }

    @Test
    void anExclusiveRegistrationThatLoopsIs508() {
        HanseNode a = nodes.start("node-a");
        HanseNode b = nodes.start("node-b");
        ngsi.load(a, "rostock.jsonld", en);
        ngsi.register(a, b.baseUri().toString(), "node-b", en, List.of("OffStreetParking"), null);
        ngsi.register(b, a.baseUri().toString(), "node-a", en, List.of("OffStreetParking"), "\"mode\":\"exclusive\","
                + "\"information\":[{\"entities\":[{\"type\":\"OffStreetParking\",\"id\":\"" + HAFEN + "\"}],\"propertyNames\":[\"name\"]}]");
        HttpResponse<String> looped = ngsi.get(b, "entities?type=OffStreetParking", en, "Via", "1.1 node-a");
        assertThat(looped.statusCode()).isEqualTo(508);
        assertThat(json(looped).path("type").asText()).isEqualTo("https://uri.etsi.org/ngsi-ld/errors/LoopDetected");
        HttpResponse<String> atA = ngsi.get(a, "entities?type=OffStreetParking", en);
        assertThat(ids(atA)).containsExactly(A20, HAFEN);
        assertThat(warnings(atA)).containsExactly("299 node-b \"source answered HTTP 508\"");
    }

    @Test
    void failingPeersBecomeWarningsNotFailures() throws Exception {
        HanseNode city = nodes.start("rostock");
        HanseNode state = nodes.start("mv");
        ngsi.load(city, "rostock.jsonld", en);
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        List<String> types = List.of("OffStreetParking");
        ngsi.register(state, city.baseUri().toString(), "rostock", en, types, null);
        ngsi.register(state, "http://127.0.0.1:" + closedPort + "/", "down", en, types, null);
        ngsi.register(state, stub.uri("slow/").toString(), "slow", en, types, "\"management\":{\"timeout\":300}");
        ngsi.register(state, stub.uri("garbage/").toString(), "garbage", en, types, null);
        long t0 = System.nanoTime();
        HttpResponse<String> r = ngsi.get(state, "entities?type=OffStreetParking&count=true", en);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(ids(r)).containsExactly(A20, HAFEN);
        assertThat(r.headers().firstValue("NGSILD-Results-Count")).hasValue("2");
        assertThat(warnings(r)).containsExactlyInAnyOrder(
                "199 down \"source unreachable\"",
                "199 slow \"source timed out\"",
                "111 garbage \"invalid JSON from source, not merged\"");
        assertThat(ms).as("the slow peer is cut at its 300 ms timeout").isLessThan(1_800);
        HttpResponse<String> regs = ngsi.get(state, "csourceRegistrations", en);
        assertThat(json(regs)).hasSize(4);
        json(regs).forEach(reg -> {
            boolean ok = reg.path("contextSourceAlias").asText().equals("rostock");
            assertThat(reg.path("timesSent").asInt()).isEqualTo(1);
            assertThat(reg.path("timesFailed").asInt()).isEqualTo(ok ? 0 : 1);
            assertThat(reg.path("status").asText()).isEqualTo(ok ? "ok" : "failed");
            assertThat(reg.has(ok ? "lastSuccess" : "lastFailure")).isTrue();
        });
    }

    @Test
    void forwardedRequestsCarryViaTenantRelayedHeaderAndRestrictions() {
        HanseNode state = nodes.start("mv");
        ngsi.register(state, stub.uri("record/").toString(), "recorder", en, List.of("OffStreetParking"),
                "\"tenant\":\"hro\",\"contextSourceInfo\":[{\"key\":\"Authorization\",\"value\":\"urn:ngsi-ld:request\"},"
                        + "{\"key\":\"X-City\",\"value\":\"rostock\"}],"
                        + "\"information\":[{\"entities\":[{\"type\":\"OffStreetParking\"}],\"propertyNames\":[\"availableSpotNumber\"]}]");
        HttpResponse<String> r = ngsi.get(state, "entities?type=OffStreetParking&q=" + NgsiLdClient.enc("availableSpotNumber>3") + "&limit=5", en,
                "Authorization", "Bearer caller-token", "Via", "1.1 gateway");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(stub.recorded).hasSize(1);
        var h = stub.recorded.get(0);
        assertThat(h.get("Authorization")).containsExactly("Bearer caller-token");
        assertThat(h.get("X-city")).containsExactly("rostock");
        assertThat(h.get("Ngsild-tenant")).containsExactly("hro");
        assertThat(h.get("Via")).containsExactly("1.1 gateway, 1.1 mv");
        assertThat(h.get("Link").get(0)).contains(en);
        String sdm = "https://smartdatamodels.org/dataModel.Parking/";
        assertThat(stub.recordedUris.get(0).getPath()).isEqualTo("/record/ngsi-ld/v1/entities");
        assertThat(java.net.URLDecoder.decode(stub.recordedUris.get(0).getRawQuery(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("type=" + sdm + "OffStreetParking&attrs=" + sdm + "availableSpotNumber&q=availableSpotNumber>3"
                        + "&options=sysAttrs&limit=1000&count=true");
    }

    @Test
    void cacheDurationReusesAnAnswerPerCaller() {
        HanseNode state = nodes.start("mv");
        ngsi.register(state, stub.uri("record/").toString(), "recorder", en, List.of("OffStreetParking"),
                "\"management\":{\"cacheDuration\":60000},\"contextSourceInfo\":[{\"key\":\"Authorization\",\"value\":\"urn:ngsi-ld:request\"}]");
        for (int i = 0; i < 3; i++)
            assertThat(ngsi.get(state, "entities?type=OffStreetParking", en, "Authorization", "Bearer one").statusCode()).isEqualTo(200);
        assertThat(stub.recorded).hasSize(1);
        ngsi.get(state, "entities?type=OffStreetParking", en, "Authorization", "Bearer two");
        ngsi.get(state, "entities?type=OffStreetParking&q=" + NgsiLdClient.enc("availableSpotNumber>1"), en, "Authorization", "Bearer one");
        assertThat(stub.recorded).hasSize(3);
    }

    /** A state node over the Rostock city node, whose answers it keeps for a minute. */
    private HanseNode stateCachingRostock() {
        HanseNode city = nodes.start("rostock");
        HanseNode state = nodes.start("mv");
        ngsi.load(city, "rostock.jsonld", en);
        ngsi.register(state, city.baseUri().toString(), "rostock", en, List.of("OffStreetParking"), "\"management\":{\"cacheDuration\":60000}");
        return state;
    }

    @Test
    void answersReusedFromTheCacheStillPageCountAndSeeLocalWrites() {
        HanseNode state = stateCachingRostock();
        HttpResponse<String> first = ngsi.get(state, "entities?type=OffStreetParking&limit=1&count=true", en);
        HttpResponse<String> second = ngsi.get(state, "entities?type=OffStreetParking&limit=1&offset=1&count=true", en);
        assertThat(ids(first)).containsExactly(A20);
        assertThat(ids(second)).containsExactly(HAFEN);
        assertThat(second.headers().firstValue("NGSILD-Results-Count")).hasValue("2");
        // the filter is part of what is reused: another q over the same cached answer gives its own result
        assertThat(ids(ngsi.get(state, "entities?type=OffStreetParking&q=" + NgsiLdClient.enc("availableSpotNumber>100"), en)))
                .containsExactly(HAFEN);
        // the same cached answer, rendered for a requester without the city's context: full IRIs
        HttpResponse<String> core = nodes.get(state, "ngsi-ld/v1/entities?type=" + NgsiLdClient.enc("https://smartdatamodels.org/dataModel.Parking/OffStreetParking"));
        assertThat(json(core).get(0).has("https://smartdatamodels.org/dataModel.Parking/availableSpotNumber")).isTrue();
        assertThat(json(first).get(0).has("availableSpotNumber")).isTrue();
        // a local entity written at the state shows at once, although the city's answer comes from the cache
        String local = "{\"id\":\"urn:ngsi-ld:OffStreetParking:mv-local\",\"type\":\"OffStreetParking\","
                + "\"availableSpotNumber\":{\"type\":\"Property\",\"value\":7},\"@context\":\"" + en + "\"}";
        assertThat(nodes.post(state, "ngsi-ld/v1/entities", "application/ld+json", local).statusCode()).isEqualTo(201);
        HttpResponse<String> after = ngsi.get(state, "entities?type=OffStreetParking&count=true", en);
        assertThat(ids(after)).containsExactly(A20, "urn:ngsi-ld:OffStreetParking:mv-local", HAFEN);
        assertThat(after.headers().firstValue("NGSILD-Results-Count")).hasValue("3");
    }

    @Test
    void pagesOfAReusedResultAreRenderedPerQueryAndMediaType() {
        HanseNode state = stateCachingRostock();
        String query = "entities?type=OffStreetParking&limit=1&count=true";
        for (int round = 0; round < 2; round++) {   // the second round is answered from the kept pages
            HttpResponse<String> plain = ngsi.get(state, query, en);
            assertThat(ids(plain)).containsExactly(A20);
            assertThat(plain.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(plain.headers().firstValue("Link")).hasValueSatisfying(l -> assertThat(l).contains(en));
            assertThat(json(plain).get(0).has("@context")).isFalse();
            HttpResponse<String> ld = ngsi.get(state, query, en, "Accept", "application/ld+json");
            assertThat(ids(ld)).containsExactly(A20);
            assertThat(ld.headers().firstValue("Content-Type")).hasValue("application/ld+json");
            assertThat(ld.headers().firstValue("Link")).isEmpty();
            assertThat(json(ld).get(0).path("@context").asText()).isEqualTo(en);
            HttpResponse<String> kv = ngsi.get(state, query + "&options=keyValues", en);
            assertThat(json(kv).get(0).path("availableSpotNumber").isNumber()).isTrue();
            assertThat(json(plain).get(0).path("availableSpotNumber").path("type").asText()).isEqualTo("Property");
            HttpResponse<String> next = ngsi.get(state, "entities?type=OffStreetParking&limit=1&offset=1&count=true", en);
            assertThat(ids(next)).containsExactly(HAFEN);
            assertThat(next.headers().firstValue("NGSILD-Results-Count")).hasValue("2");
        }
    }

    @Test
    void concurrentQueriesMissingTheSameCachedAnswerAskTheSourceOnce() throws Exception {
        HanseNode state = nodes.start("mv");
        ngsi.register(state, stub.uri("sluggish/").toString(), "sluggish", en, List.of("OffStreetParking"),
                "\"management\":{\"cacheDuration\":60000}");
        int clients = 6;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(clients);
        try {
            java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<HttpResponse<String>>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < clients; i++) answers.add(pool.submit(() -> {
                gate.await();
                return ngsi.get(state, "entities?type=OffStreetParking&count=true", en);
            }));
            gate.countDown();
            for (var f : answers) {
                HttpResponse<String> r = f.get(30, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(ids(r)).containsExactly(StubBroker.SLUGGISH_ID);
                assertThat(warnings(r)).isEmpty();
                assertThat(r.headers().firstValue("NGSILD-Results-Count")).hasValue("1");
            }
        } finally {
            pool.shutdownNow();
        }
        // the source answers after 500 ms: all six queries missed the cache while the first fetch was under way
        assertThat(stub.sluggishCalls.get()).as("requests the source received").isEqualTo(1);
        String metrics = nodes.get(state, "metrics").body();
        assertThat(metrics).containsPattern("(?m)^hanse_ngsild_forward_coalesced_total(\\{[^}]*\\})? 5\\.0$");
        ngsi.get(state, "entities?type=OffStreetParking", en);
        assertThat(stub.sluggishCalls.get()).as("then it is answered from the cache").isEqualTo(1);
    }
}
