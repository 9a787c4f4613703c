package de.hanse.node.ngsild;

import static de.hanse.node.ngsild.NgsiLdClient.enc;
import static de.hanse.node.ngsild.NgsiLdClient.ids;
import static de.hanse.node.ngsild.NgsiLdClient.json;
import static de.hanse.node.ngsild.NgsiLdClient.warnings;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.hanse.node.HanseNode;
import de.hanse.node.TestNodes;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Real Hanse nodes on loopback: two cities that use different @contexts for the same IRIs (Rostock in English,
 * Bremen in German) with one entity at both (different attributes and observedAt), and a state node that federates
 * them. The federation is read-only in these tests, so it is built once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NgsiLdFederationIT {
    static final String A20 = "urn:ngsi-ld:OffStreetParking:a20-grenze";
    static final String BRILL = "urn:ngsi-ld:OffStreetParking:bremen-am-brill";
    static final String HAFEN = "urn:ngsi-ld:OffStreetParking:rostock-stadthafen";
    private final TestNodes nodes = new TestNodes();
    private final NgsiLdClient ngsi = new NgsiLdClient(nodes);
    private StubBroker stub;
    private HanseNode rostock;
    private HanseNode bremen;
    private HanseNode state;
    private String en;
    private String de;

    @BeforeAll
    void federation() throws Exception {
        stub = new StubBroker();
        en = stub.context("rostock-context.jsonld");
        de = stub.context("bremen-context.jsonld");
        rostock = nodes.start("rostock");
        bremen = nodes.start("bremen");
        state = nodes.start("mv-state");
        assertThat(ngsi.load(rostock, "rostock.jsonld", en).statusCode()).isEqualTo(201);
        assertThat(ngsi.load(bremen, "bremen.jsonld", de).statusCode()).isEqualTo(201);
        ngsi.register(state, rostock.baseUri().toString(), "rostock", en, List.of("OffStreetParking"), null);
        ngsi.register(state, bremen.baseUri().toString(), "bremen", de, List.of("Parkhaus"), null);
    }

    @AfterAll
    void close() {
        nodes.close();
        stub.close();
    }

    @Test
    void stateMergesBothCitiesInTheRequestersTerms() {
        HttpResponse<String> r = ngsi.get(state, "entities?type=OffStreetParking&count=true", en);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(ids(r)).containsExactly(A20, BRILL, HAFEN);
        assertThat(r.headers().firstValue("NGSILD-Results-Count")).hasValue("3");
        assertThat(warnings(r)).isEmpty();
        assertThat(r.headers().firstValue("Link")).hasValueSatisfying(l -> assertThat(l).contains(en));
        JsonNode a20 = json(r).get(0);
        assertThat(a20.get("type").asText()).isEqualTo("OffStreetParking");
        // Bremen observed later (11:00 vs 10:00): its count wins; the name only Rostock has, the total only Bremen
        assertThat(a20.at("/availableSpotNumber/value").asInt()).isEqualTo(20);
        assertThat(a20.at("/availableSpotNumber/observedAt").asText()).isEqualTo("2026-11-28T11:00:00Z");
        assertThat(a20.at("/name/value").asText()).isEqualTo("P+R A20");
        assertThat(a20.at("/totalSpotNumber/value").asInt()).isEqualTo(300);
        assertThat(a20.has("createdAt")).isFalse();
        JsonNode brill = json(r).get(1);
        assertThat(brill.at("/name/value").asText()).isEqualTo("Am Brill");
        assertThat(brill.has("bezeichnung")).isFalse();

        // the same question in German terms gets German names for the same IRIs
        HttpResponse<String> g = ngsi.get(state, "entities?type=Parkhaus&id=" + A20, de);
        assertThat(json(g).get(0).get("type").asText()).isEqualTo("Parkhaus");
        assertThat(json(g).get(0).at("/freiePlaetze/value").asInt()).isEqualTo(20);
        assertThat(json(g).get(0).at("/stellplaetze/value").asInt()).isEqualTo(300);
    }

    @Test
    void pagesAreStableAndCountsDeduplicated() {
        HttpResponse<String> p1 = ngsi.get(state, "entities?type=OffStreetParking&limit=2&count=true", en);
        HttpResponse<String> p2 = ngsi.get(state, "entities?type=OffStreetParking&limit=2&offset=2&count=true", en);
        assertThat(ids(p1)).containsExactly(A20, BRILL);
        assertThat(ids(p2)).containsExactly(HAFEN);
        assertThat(p1.headers().firstValue("NGSILD-Results-Count")).hasValue("3");
        assertThat(p2.headers().firstValue("NGSILD-Results-Count")).hasValue("3");
        HttpResponse<String> none = ngsi.get(state, "entities?type=OffStreetParking&limit=0&count=true", en);
        assertThat(ids(none)).isEmpty();
        assertThat(none.headers().firstValue("NGSILD-Results-Count")).hasValue("3");
    }

    @Test
    void qGeoAndOptionsApplyAfterTheMerge() throws Exception {
        // the merged A20 has 20 free spots (Bremen's newer value), so it matches >15 although Rostock says 10
        assertThat(ids(ngsi.get(state, "entities?type=OffStreetParking&q=" + enc("availableSpotNumber>15"), en)))
                .containsExactly(A20, HAFEN);
        // each source filters its own view (clause 4.5.5): Rostock's A20 (10 spots) matches, Bremen's (20) does not,
        // so the merge sees Rostock's A20 only and it stays in
        assertThat(ids(ngsi.get(state, "entities?type=OffStreetParking&q=" + enc("availableSpotNumber==1..10|name~=(?i)brill"), en)))
                .containsExactly(A20, BRILL);
        // near Rostock town hall
        assertThat(ids(ngsi.get(state, "entities?type=OffStreetParking&georel=" + enc("near;maxDistance==2000")
                + "&geometry=Point&coordinates=" + enc("[12.1403,54.0897]"), en))).containsExactly(HAFEN);
        // within a box around Bremen's old town
        assertThat(ids(ngsi.get(state, "entities?type=OffStreetParking&georel=within&geometry=Polygon&coordinates="
                + enc("[[[8.7,53.0],[8.9,53.0],[8.9,53.2],[8.7,53.2],[8.7,53.0]]]"), en))).containsExactly(BRILL);
        JsonNode kv = json(ngsi.get(state, "entities/" + A20 + "?options=keyValues&pick=" + enc("id,type,availableSpotNumber,name"), en));
        assertThat(kv).isEqualTo(NgsiLdClient.JSON.readTree("{\"id\":\"" + A20
                + "\",\"type\":\"OffStreetParking\",\"name\":\"P+R A20\",\"availableSpotNumber\":20}"));
        JsonNode omit = json(ngsi.get(state, "entities/" + A20 + "?omit=location,name&options=concise", en));
        assertThat(omit.has("location")).isFalse();
        assertThat(omit.has("name")).isFalse();
        assertThat(omit.at("/totalSpotNumber").asInt()).isEqualTo(300);
    }

    @Test
    void retrieveTypesAndAttributesAreFederated() {
        HttpResponse<String> one = ngsi.get(state, "entities/" + BRILL, en);
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(json(one).at("/name/value").asText()).isEqualTo("Am Brill");
        assertThat(ngsi.get(state, "entities/urn:ngsi-ld:OffStreetParking:nowhere", en).statusCode()).isEqualTo(404);
        HttpResponse<String> types = ngsi.get(state, "types", en);
        assertThat(json(types).get("typeList").toString()).isEqualTo("[\"OffStreetParking\"]");
        HttpResponse<String> attrs = ngsi.get(state, "attributes", en);
        assertThat(json(attrs).get("attributeList")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("availableSpotNumber", "location", "name", "no2", "totalSpotNumber");
        // Rostock alone lists what it stores, in the caller's terms
        assertThat(json(ngsi.get(rostock, "types", de)).get("typeList").toString()).isEqualTo("[\"Luftmessung\",\"Parkhaus\"]");
    }
}
