package de.hanse.catalogue.search.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Turns a geometry literal from {@code locn:geometry} or {@code dcat:bbox} into a WGS84 bounding box.
 *
 * <p>Accepts WKT (GeoSPARQL {@code wktLiteral} with an optional leading CRS IRI, or EWKT {@code SRID=n;}) and
 * GeoJSON (with an optional legacy {@code crs} member). Coordinates in any EPSG CRS that proj4j knows (in practice
 * ETRS89 / UTM 32N, EPSG:25832) are projected to WGS84; EPSG:4326 given explicitly is read in its latitude-first
 * axis order. Without a CRS, coordinates are lon/lat (CRS84), except that values far outside the degree range and
 * inside UTM 32N's range are taken as EPSG:25832, which German portals often publish without saying so.
 * Thread-safe.
 */
public final class GeometryParser {
    private static final Pattern CRS_IRI = Pattern.compile("^\\s*<([^>]*)>\\s*");
    private static final Pattern EWKT = Pattern.compile("^\\s*SRID=(\\d+)\\s*;\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern EPSG = Pattern.compile("EPSG(?:/0/|::?|/)(\\d+)", Pattern.CASE_INSENSITIVE);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CRSFactory CRS = new CRSFactory();
    private static final CoordinateTransformFactory TRANSFORMS = new CoordinateTransformFactory();
    /** proj4j reads its EPSG file on every lookup; CRS objects are immutable, so each is looked up once (few codes). */
    private static final java.util.Map<Integer, CoordinateReferenceSystem> CRS_CACHE = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_CACHED_CRS = 64;

    private GeometryParser() {}

    /** The WGS84 box of the literal, or {@code null} if it is no geometry this parser understands. */
    public static BoundingBox parse(String lexical) {
        if (lexical == null || lexical.isBlank()) return null;
        try {
            String s = lexical.strip();
            return s.startsWith("{") ? geoJson(s) : wkt(s);
        } catch (RuntimeException | ParseException | java.io.IOException e) {
            return null;
        }
    }

    private static BoundingBox wkt(String s) throws ParseException {
        Integer epsg = null;
        Matcher m = CRS_IRI.matcher(s);
        if (m.find()) {
            epsg = epsgOf(m.group(1));
            s = s.substring(m.end());
        } else if ((m = EWKT.matcher(s)).find()) {
            epsg = Integer.valueOf(m.group(1));
            s = s.substring(m.end());
        }
        Envelope env = new WKTReader().read(s).getEnvelopeInternal();
        return toWgs84(env, epsg);
    }

    private static BoundingBox geoJson(String s) throws java.io.IOException {
        JsonNode root = JSON.readTree(s);
        Integer epsg = root.path("crs").path("properties").has("name")
                ? epsgOf(root.path("crs").path("properties").path("name").asText()) : null;
        Envelope env = new Envelope();
        collect(root, env);
        return env.isNull() ? null : toWgs84(env, epsg);
    }

    private static void collect(JsonNode n, Envelope env) {
        if (n.isArray() && n.size() >= 2 && n.get(0).isNumber() && n.get(1).isNumber()) {
            env.expandToInclude(n.get(0).asDouble(), n.get(1).asDouble());
            return;
        }
        if (n.isArray()) n.forEach(c -> collect(c, env));
        else if (n.isObject()) for (String k : new String[] {"coordinates", "geometries", "geometry", "features"})
            if (n.has(k)) collect(n.get(k), env);
    }

    /** EPSG code named by a CRS IRI or URN; 4326 for CRS84 means lon/lat and is reported as {@code null}. */
    static Integer epsgOf(String crs) {
        if (crs.contains("CRS84")) return null;
        Matcher m = EPSG.matcher(crs);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    private static BoundingBox toWgs84(Envelope env, Integer epsg) {
        if (epsg == null && !inDegrees(env) && looksLikeUtm32(env)) epsg = 25832;
        if (epsg == null) return new BoundingBox(env.getMinX(), env.getMinY(), env.getMaxX(), env.getMaxY());
        if (epsg == 4326) return new BoundingBox(env.getMinY(), env.getMinX(), env.getMaxY(), env.getMaxX());
        return project(env, epsg);
    }

    private static CoordinateReferenceSystem crs(int epsg) {
        CoordinateReferenceSystem c = CRS_CACHE.get(epsg);
        if (c != null) return c;
        c = CRS.createFromName("EPSG:" + epsg);
        if (CRS_CACHE.size() < MAX_CACHED_CRS) CRS_CACHE.put(epsg, c);
        return c;
    }

    private static boolean inDegrees(Envelope e) {
        return e.getMinX() >= -180 && e.getMaxX() <= 180 && e.getMinY() >= -90 && e.getMaxY() <= 90;
    }

    private static boolean looksLikeUtm32(Envelope e) {
        return e.getMinX() >= 100_000 && e.getMaxX() <= 900_000 && e.getMinY() >= 5_000_000 && e.getMaxY() <= 6_500_000;
    }

    private static BoundingBox project(Envelope env, int epsg) {
        // A transform keeps per-call state, so each call gets its own (cheap once the CRSs are cached).
        CoordinateTransform t = TRANSFORMS.createTransform(crs(epsg), crs(4326));
        Envelope out = new Envelope();
        // Corners and edge midpoints: a projected rectangle's edges curve slightly in degrees.
        double[] xs = {env.getMinX(), (env.getMinX() + env.getMaxX()) / 2, env.getMaxX()};
        double[] ys = {env.getMinY(), (env.getMinY() + env.getMaxY()) / 2, env.getMaxY()};
        ProjCoordinate r = new ProjCoordinate();
        for (double x : xs) for (double y : ys) {
            t.transform(new ProjCoordinate(x, y), r);
            out.expandToInclude(r.x, r.y);
        }
        return new BoundingBox(out.getMinX(), out.getMinY(), out.getMaxX(), out.getMaxY());
    }
}
