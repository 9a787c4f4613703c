package de.hanse.node.ngsild;

import static de.hanse.node.ngsild.NgsiLdClient.enc;
import static de.hanse.node.ngsild.NgsiLdClient.ids;
import static de.hanse.node.ngsild.NgsiLdClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import de.hanse.ngsild.api.NgsiLdModule;
import de.hanse.ngsild.jsonld.ContextResolver;
import de.hanse.node.HanseNode;
import de.hanse.node.TestNodes;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The demo's city entities ({@code demo/ngsild/<city>.jsonld}) and the README's cross-city query at the state node. */
class NgsiLdDemoIT {
    private final TestNodes nodes = new TestNodes();
    private final NgsiLdClient ngsi = new NgsiLdClient(nodes);

    @AfterEach
    void close() {
        nodes.close();
    }

    private static int load(HanseNode node, String city) throws Exception {
        try (InputStream in = NgsiLdDemoIT.class.getResourceAsStream("/demo/ngsild/" + city + ".jsonld")) {
            return node.module(NgsiLdModule.class).loadEntities("", in);
        }
    }

    @Test
    void stateAnswersACrossCityGeoQuery() throws Exception {
        HanseNode rostock = nodes.start("rostock");
        HanseNode bremen = nodes.start("bremen");
        HanseNode state = nodes.start("norddeutschland");
        assertThat(load(rostock, "rostock")).isEqualTo(5);
        assertThat(load(bremen, "bremen")).isEqualTo(5);
        String ctx = ContextResolver.SMART_CITY_URL;
        for (HanseNode city : List.of(rostock, bremen))
            ngsi.register(state, city.baseUri().toString(), city.config().name(), ctx, List.of("OffStreetParking", "AirQualityObserved"), null);

        // parking within 1.5 km of Rostock's town hall, asked at the state node
        HttpResponse<String> near = ngsi.get(state, "entities?type=OffStreetParking&georel=" + enc("near;maxDistance==1500")
                + "&geometry=Point&coordinates=" + enc("[12.1403,54.0897]") + "&options=keyValues&pick=" + enc("id,name,availableSpotNumber"), ctx);
        assertThat(near.statusCode()).isEqualTo(200);
        assertThat(json(near).toString()).isEqualTo("[{\"id\":\"urn:ngsi-ld:OffStreetParking:rostock:kroepeliner-tor\",\"name\":\"Parkhaus Kröpeliner Tor\",\"availableSpotNumber\":34},"
                + "{\"id\":\"urn:ngsi-ld:OffStreetParking:rostock:stadthafen\",\"name\":\"Parkplatz Stadthafen\",\"availableSpotNumber\":121}]");

        // free spaces in both cities (a box over northern Germany), counted across sources
        HttpResponse<String> both = ngsi.get(state, "entities?type=OffStreetParking&q=" + enc("availableSpotNumber>50")
                + "&georel=within&geometry=Polygon&coordinates=" + enc("[[[8,53],[13,53],[13,55],[8,55],[8,53]]]") + "&count=true", ctx);
        assertThat(ids(both)).containsExactly("urn:ngsi-ld:OffStreetParking:bremen:am-brill",
                "urn:ngsi-ld:OffStreetParking:bremen:hauptbahnhof", "urn:ngsi-ld:OffStreetParking:rostock:stadthafen");
        assertThat(both.headers().firstValue("NGSILD-Results-Count")).hasValue("3");

        HttpResponse<String> air = ngsi.get(state, "entities?type=AirQualityObserved&q=" + enc("no2>30") + "&attrs=no2", ctx);
        assertThat(ids(air)).containsExactly("urn:ngsi-ld:AirQualityObserved:bremen:dwoberger-strasse",
                "urn:ngsi-ld:AirQualityObserved:rostock:holbeinplatz");
        assertThat(json(air).get(0).has("name")).isFalse();
        assertThat(json(air).at("/1/no2/value").asDouble()).isEqualTo(31.5);
    }
}
