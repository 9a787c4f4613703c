package de.hanse.catalogue.search.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Geometry literals in the forms German portals publish, all ending up as WGS84 boxes. */
class GeometryParserTest {

    @Test
    void wktInCrs84() {
        BoundingBox b = GeometryParser.parse("POLYGON((8.48 53.01, 8.99 53.01, 8.99 53.23, 8.48 53.23, 8.48 53.01))");
        assertThat(b).isEqualTo(new BoundingBox(8.48, 53.01, 8.99, 53.23));
    }

    @Test
    void wktInEtrs89Utm32IsProjected() {
        // Hamburg Rathaus is at about 566 000 E, 5 934 000 N in EPSG:25832, i.e. 10.0 E, 53.55 N.
        BoundingBox b = GeometryParser.parse("<http://www.opengis.net/def/crs/EPSG/0/25832> POINT(566000 5934000)");
        assertThat(b.minLon()).isCloseTo(9.99, within(0.02));
        assertThat(b.minLat()).isCloseTo(53.55, within(0.02));
        BoundingBox ewkt = GeometryParser.parse("SRID=25832;POINT(566000 5934000)");
        assertThat(ewkt.minLon()).isCloseTo(b.minLon(), within(1e-9));
        BoundingBox unlabelled = GeometryParser.parse("POINT(566000 5934000)");
        assertThat(unlabelled.minLat()).as("UTM-range numbers without CRS are read as EPSG:25832").isCloseTo(53.55, within(0.02));
    }

    @Test
    void epsg4326IsLatitudeFirst() {
        BoundingBox b = GeometryParser.parse("<http://www.opengis.net/def/crs/EPSG/0/4326> POINT(53.55 10.0)");
        assertThat(b.minLon()).isEqualTo(10.0);
        assertThat(b.minLat()).isEqualTo(53.55);
    }

    @Test
    void geoJsonWithAndWithoutLegacyCrs() {
        assertThat(GeometryParser.parse("{\"type\":\"Polygon\",\"coordinates\":[[[9.7,53.3],[10.3,53.3],[10.3,53.8],[9.7,53.3]]]}"))
                .isEqualTo(new BoundingBox(9.7, 53.3, 10.3, 53.8));
        BoundingBox utm = GeometryParser.parse("{\"type\":\"Point\",\"coordinates\":[566000,5934000],"
                + "\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::25832\"}}}");
        assertThat(utm.minLon()).isCloseTo(9.99, within(0.02));
        assertThat(GeometryParser.parse("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":"
                + "{\"type\":\"Point\",\"coordinates\":[8.8,53.1]}}]}")).isEqualTo(new BoundingBox(8.8, 53.1, 8.8, 53.1));
    }

    @Test
    void garbageIsIgnored() {
        assertThat(GeometryParser.parse("Hamburg")).isNull();
        assertThat(GeometryParser.parse("{\"type\":\"Point\"}")).isNull();
        assertThat(GeometryParser.parse("POINT(1000 1000)")).as("neither degrees nor UTM 32N").isNull();
        assertThat(GeometryParser.parse("")).isNull();
    }
}
