package de.hanse.ngsild.model;

import com.fasterxml.jackson.databind.JsonNode;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * GeoJSON geometries (RFC 7946: Point, LineString, Polygon and their Multi* forms) to JTS, in longitude/latitude.
 * Malformed geometries fail with 400 {@code BadRequestData}. Stateless and thread-safe.
 */
public final class GeoJson {
    private static final GeometryFactory GF = new GeometryFactory();
    private static final int MAX_POINTS = 100_000;

    private GeoJson() {}

    /** Parses a GeoJSON geometry object. */
    public static Geometry parse(JsonNode geometry) {
        if (geometry == null || !geometry.isObject()) throw Ngsi.badData("geometry must be a GeoJSON object");
        return parse(geometry.path("type").asText(), geometry.get("coordinates"));
    }

    /** Parses a geometry given as a type name and its coordinates (the {@code geometry}/{@code coordinates} parameters). */
    public static Geometry parse(String type, JsonNode c) {
        if (c == null || !c.isArray()) throw Ngsi.badData("coordinates of " + type + " must be an array");
        Geometry g = switch (type) {
            case "Point" -> point(c);
            case "LineString" -> line(c);
            case "Polygon" -> polygon(c);
            case "MultiPoint" -> GF.createMultiPoint(each(c, Point.class, GeoJson::point));
            case "MultiLineString" -> GF.createMultiLineString(each(c, LineString.class, GeoJson::line));
            case "MultiPolygon" -> GF.createMultiPolygon(each(c, Polygon.class, GeoJson::polygon));
            default -> throw Ngsi.badData("unsupported geometry type '" + type + "'");
        };
        if (g.getNumPoints() > MAX_POINTS) throw Ngsi.badData("geometry has more than " + MAX_POINTS + " points");
        if (!g.isValid()) throw Ngsi.badData("invalid " + type + " geometry (self-intersecting or degenerate)");
        return g;
    }

    private static <T extends Geometry> T[] each(JsonNode c, Class<T> cls, java.util.function.Function<JsonNode, T> f) {
        @SuppressWarnings("unchecked")
        T[] out = (T[]) java.lang.reflect.Array.newInstance(cls, c.size());
        for (int i = 0; i < c.size(); i++) out[i] = f.apply(c.get(i));
        return out;
    }

    private static Coordinate coord(JsonNode p) {
        if (p == null || !p.isArray() || p.size() < 2 || p.size() > 3 || !p.get(0).isNumber() || !p.get(1).isNumber())
            throw Ngsi.badData("a position must be [longitude, latitude]");
        double lon = p.get(0).asDouble();
        double lat = p.get(1).asDouble();
        if (lon < -180 || lon > 180 || lat < -90 || lat > 90) throw Ngsi.badData("position out of range: " + p);
        return new Coordinate(lon, lat);
    }

    private static Coordinate[] coords(JsonNode c, int min) {
        if (c == null || !c.isArray() || c.size() < min) throw Ngsi.badData("need at least " + min + " positions");
        Coordinate[] out = new Coordinate[c.size()];
        for (int i = 0; i < c.size(); i++) out[i] = coord(c.get(i));
        return out;
    }

    private static Point point(JsonNode c) {
        return GF.createPoint(coord(c));
    }

    private static LineString line(JsonNode c) {
        return GF.createLineString(coords(c, 2));
    }

    private static Polygon polygon(JsonNode c) {
        if (c == null || !c.isArray() || c.isEmpty()) throw Ngsi.badData("a polygon needs at least one ring");
        LinearRing[] rings = new LinearRing[c.size()];
        for (int i = 0; i < c.size(); i++) {
            Coordinate[] ring = coords(c.get(i), 4);
            if (!ring[0].equals2D(ring[ring.length - 1])) throw Ngsi.badData("a polygon ring must be closed");
            rings[i] = GF.createLinearRing(ring);
        }
        LinearRing[] holes = java.util.Arrays.copyOfRange(rings, 1, rings.length);
        return GF.createPolygon(rings[0], holes);
    }
}
