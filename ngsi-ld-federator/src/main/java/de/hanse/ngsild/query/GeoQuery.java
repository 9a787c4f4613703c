package de.hanse.ngsild.query;

import com.fasterxml.jackson.databind.JsonNode;
import de.hanse.ngsild.jsonld.LdContext;
import de.hanse.ngsild.model.GeoJson;
import de.hanse.ngsild.model.Ngsi;
import java.util.Objects;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * A geo-query (clause 4.10): {@code georel} ({@code near;maxDistance==m}, {@code near;minDistance==m}, within,
 * contains, intersects, equals, disjoint, overlaps), a GeoJSON {@code geometry} + {@code coordinates}, and the
 * {@code geoproperty} (default {@code location}). Topological relations are evaluated by JTS in longitude/latitude;
 * distances in metres on a local equirectangular projection centred on the reference geometry (exact for points
 * via haversine, within 0.5 % across a region). Immutable.
 */
public final class GeoQuery {
    private static final double EARTH_RADIUS_M = 6_371_008.8;
    private static final GeometryFactory GF = new GeometryFactory();

    public enum Rel { NEAR_MAX, NEAR_MIN, WITHIN, CONTAINS, INTERSECTS, EQUALS, DISJOINT, OVERLAPS }

    private final Rel rel;
    private final double distance;
    private final Geometry geometry;
    private final String property;
    private final String georel;
    private final String geometryType;
    private final String coordinates;

    private GeoQuery(Rel rel, double distance, Geometry geometry, String property, String georel, String type, String coords) {
        this.rel = rel;
        this.distance = distance;
        this.geometry = geometry;
        this.property = property;
        this.georel = georel;
        this.geometryType = type;
        this.coordinates = coords;
    }

    /** Parses the four parameters; all of georel/geometry/coordinates or none (then null). */
    public static GeoQuery parse(String georel, String geometry, String coordinates, String geoproperty, LdContext ctx) {
        if (georel == null && geometry == null && coordinates == null) return null;
        if (georel == null || geometry == null || coordinates == null)
            throw Ngsi.badData("a geo-query needs georel, geometry and coordinates");
        JsonNode coords;
        try {
            coords = Ngsi.JSON.readTree(coordinates);
        } catch (Exception e) {
            throw Ngsi.badData("coordinates are not a JSON array: " + coordinates);
        }
        Geometry g = GeoJson.parse(geometry, coords);
        String[] parts = georel.split(";");
        double d = 0;
        Rel rel = switch (parts[0]) {
            case "near" -> {
                if (parts.length != 2) throw Ngsi.badData("near needs maxDistance== or minDistance==");
                String[] kv = parts[1].split("==");
                if (kv.length != 2) throw Ngsi.badData("malformed georel " + georel);
                try {
                    d = Double.parseDouble(kv[1]);
                } catch (NumberFormatException e) {
                    throw Ngsi.badData("distance is not a number: " + kv[1]);
                }
                if (d < 0 || Double.isNaN(d)) throw Ngsi.badData("distance must not be negative");
                yield switch (kv[0]) {
                    case "maxDistance" -> Rel.NEAR_MAX;
                    case "minDistance" -> Rel.NEAR_MIN;
                    default -> throw Ngsi.badData("unknown near modifier " + kv[0]);
                };
            }
            case "within" -> Rel.WITHIN;
            case "contains" -> Rel.CONTAINS;
            case "intersects" -> Rel.INTERSECTS;
            case "equals" -> Rel.EQUALS;
            case "disjoint" -> Rel.DISJOINT;
            case "overlaps" -> Rel.OVERLAPS;
            default -> throw Ngsi.badData("unknown georel " + parts[0]);
        };
        if (rel != Rel.NEAR_MAX && rel != Rel.NEAR_MIN && parts.length > 1) throw Ngsi.badData("malformed georel " + georel);
        String prop = ctx.expand(geoproperty == null || geoproperty.isBlank() ? "location" : geoproperty);
        return new GeoQuery(rel, d, g, prop, georel, geometry, coordinates);
    }

    /** The expanded IRI of the GeoProperty queried. */
    public String property() {
        return property;
    }

    public Geometry geometry() {
        return geometry;
    }

    /** True if some instance of the entity's geoproperty satisfies the relation. */
    public boolean test(JsonNode entity) {
        for (JsonNode inst : Ngsi.instances(entity, property)) {
            JsonNode v = inst.get("value");
            if (v == null) continue;
            Geometry g;
            try {
                g = GeoJson.parse(v);
            } catch (RuntimeException e) {
                continue; // a stored or remote value that is not a geometry never matches
            }
            if (test(g)) return true;
        }
        return false;
    }

    /** The relation between an entity geometry and the query geometry. */
    public boolean test(Geometry g) {
        return switch (rel) {
            case NEAR_MAX -> metres(g, geometry) <= distance;
            case NEAR_MIN -> metres(g, geometry) >= distance;
            case WITHIN -> g.within(geometry);
            case CONTAINS -> g.contains(geometry);
            case INTERSECTS -> g.intersects(geometry);
            case EQUALS -> g.equalsTopo(geometry);
            case DISJOINT -> g.disjoint(geometry);
            case OVERLAPS -> g.overlaps(geometry);
        };
    }

    /** Distance in metres between two geometries. */
    public static double metres(Geometry a, Geometry b) {
        if (a.getNumPoints() == 1 && b.getNumPoints() == 1) return haversine(a.getCoordinate(), b.getCoordinate());
        Coordinate c = b.getCentroid().getCoordinate();
        return project(a, c).distance(project(b, c));
    }

    static double haversine(Coordinate p, Coordinate q) {
        double dLat = Math.toRadians(q.y - p.y);
        double dLon = Math.toRadians(q.x - p.x);
        double h = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(p.y)) * Math.cos(Math.toRadians(q.y)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    private static Geometry project(Geometry g, Coordinate centre) {
        Geometry copy = g.copy();
        double k = Math.cos(Math.toRadians(centre.y));
        copy.apply((org.locationtech.jts.geom.CoordinateFilter) c -> {
            c.x = Math.toRadians(c.x - centre.x) * EARTH_RADIUS_M * k;
            c.y = Math.toRadians(c.y - centre.y) * EARTH_RADIUS_M;
        });
        copy.geometryChanged();
        return copy;
    }

    /** The original parameters, for forwarding: georel, geometry, coordinates. */
    public String[] parameters() {
        return new String[] {georel, geometryType, coordinates};
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GeoQuery q && q.georel.equals(georel) && q.coordinates.equals(coordinates)
                && q.geometryType.equals(geometryType) && q.property.equals(property);
    }

    @Override
    public int hashCode() {
        return Objects.hash(georel, coordinates, geometryType, property);
    }

    static GeometryFactory factory() {
        return GF;
    }
}
