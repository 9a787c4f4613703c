package de.hanse.ngsild.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.hanse.core.http.ProblemException;
import de.hanse.ngsild.jsonld.LdContext;
import de.hanse.ngsild.model.EntityExpander;
import de.hanse.ngsild.model.Ngsi;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GeoQueryTest {
    /** Rostock Stadthafen, about 1.2 km from the Rathaus at 12.1403,54.0897 (haversine 1,096 m). */
    static final ObjectNode HAFEN = at("{\"type\":\"Point\",\"coordinates\":[12.1290,54.0960]}");
    static final ObjectNode STREET = at("{\"type\":\"LineString\",\"coordinates\":[[12.10,54.08],[12.16,54.08]]}");
    static final String BOX = "[[[12.12,54.08],[12.15,54.08],[12.15,54.10],[12.12,54.10],[12.12,54.08]]]";

    static ObjectNode at(String geometry) {
        try {
            return EntityExpander.entity(Ngsi.JSON.readTree("{\"id\":\"urn:x:1\",\"type\":\"T\",\"location\":{\"type\":\"GeoProperty\",\"value\":"
                    + geometry + "}}"), LdContext.core(), Instant.now());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static GeoQuery geo(String georel, String type, String coords) {
        return GeoQuery.parse(georel, type, coords, null, LdContext.core());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            near;maxDistance==1200 | Point   | [12.1403,54.0897] | true
            near;maxDistance==1000 | Point   | [12.1403,54.0897] | false
            near;minDistance==1000 | Point   | [12.1403,54.0897] | true
            within                 | Polygon | BOX               | true
            disjoint               | Polygon | BOX               | false
            intersects             | Polygon | BOX               | true
            equals                 | Point   | [12.1290,54.0960] | true
            contains               | Point   | [12.1290,54.0960] | true
            overlaps               | Polygon | BOX               | false
            """)
    void pointRelations(String georel, String type, String coords, boolean expected) {
        assertThat(geo(georel, type, coords.equals("BOX") ? BOX : coords).test(HAFEN)).as(georel).isEqualTo(expected);
    }

    @Test
    void lineAgainstPolygonAndDistanceToALine() {
        assertThat(geo("intersects", "Polygon", BOX).test(STREET)).isTrue();
        assertThat(geo("within", "Polygon", BOX).test(STREET)).isFalse();
        assertThat(geo("overlaps", "Polygon", BOX).test(STREET)).isFalse();
        // 54.0897 is about 1,078 m north of the street at latitude 54.08
        assertThat(geo("near;maxDistance==1100", "Point", "[12.1403,54.0897]").test(STREET)).isTrue();
        assertThat(geo("near;maxDistance==1050", "Point", "[12.1403,54.0897]").test(STREET)).isFalse();
        assertThat(geo("intersects", "MultiPoint", "[[12.13,54.08],[0,0]]").test(STREET)).isTrue();
    }

    @Test
    void haversineMatchesAKnownDistance() {
        var f = new org.locationtech.jts.geom.GeometryFactory();
        double d = GeoQuery.metres(f.createPoint(new org.locationtech.jts.geom.Coordinate(12.1403, 54.0897)),
                f.createPoint(new org.locationtech.jts.geom.Coordinate(8.8071, 53.0758)));
        assertThat(d).isBetween(245_000.0, 250_000.0); // Rostock - Bremen
    }

    @Test
    void rejectsBadGeometries() {
        for (String[] bad : new String[][] {{"near", "Point", "[1,2]"}, {"near;maxDistance==x", "Point", "[1,2]"},
                {"within", "Polygon", "[[[0,0],[1,0],[1,1]]]"}, {"within", "Polygon", "[[[0,0],[1,0],[1,1],[0,2]]]"},
                {"within", "Circle", "[1,2]"}, {"within", "Point", "[200,2]"}, {"within", "Point", "nope"},
                {"touches", "Point", "[1,2]"}})
            assertThatThrownBy(() -> geo(bad[0], bad[1], bad[2])).as(String.join(" ", bad)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> GeoQuery.parse("within", null, "[1,2]", null, LdContext.core())).isInstanceOf(ProblemException.class);
    }
}
