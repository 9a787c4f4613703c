package de.hanse.harvest.source.ckan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.hanse.core.vocab.Vocab;
import de.hanse.harvest.source.paged.DcatGraph;
import org.apache.jena.datatypes.BaseDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * The CKAN {@code spatial} extra (a GeoJSON geometry, as ckanext-spatial stores it) as
 * {@code dct:spatial [a dct:Location; dcat:bbox "POLYGON(…)"^^gsp:wktLiteral;
 * locn:geometry [a locn:Geometry; gsp:asGeoJSON "…"^^gsp:geoJSONLiteral]]},
 * the bounding box computed from the coordinates. Text that is not a GeoJSON geometry is ignored.
 */
final class CkanSpatial {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_CHARS = 1_000_000;

    private CkanSpatial() {}

    static void add(String geojson, DcatGraph g, Node dataset) {
        if (geojson == null || geojson.length() > MAX_CHARS) return;
        JsonNode geom;
        try {
            geom = JSON.readTree(geojson);
        } catch (java.io.IOException e) {
            return;
        }
        if (geom == null || !geom.path("type").isTextual() || !geom.path("coordinates").isArray()) return;
        double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        walk(geom.get("coordinates"), box, 0);
        Node loc = box[0] <= box[2] ? g.bbox(dataset, box[0], box[1], box[2], box[3]) : null;
        if (loc == null) {
            loc = g.blank();
            g.add(dataset, Vocab.DCT_spatial, loc);
            g.type(loc, DcatGraph.u(Vocab.DCT, "Location"));
        }
        // DCAT-AP 3.0.0 wants locn:geometry to be a locn:Geometry node (ckanext-dcat's plain literal is a violation)
        Node geometry = g.blank();
        g.add(loc, DcatGraph.u(Vocab.LOCN, "geometry"), geometry);
        g.type(geometry, DcatGraph.u(Vocab.LOCN, "Geometry"));
        g.add(geometry, DcatGraph.u(DcatGraph.GSP, "asGeoJSON"),
                NodeFactory.createLiteralDT(geojson.strip(), new BaseDatatype(DcatGraph.GSP + "geoJSONLiteral")));
    }

    /** Extends {@code box} (west, south, east, north) by every position under {@code n}. */
    private static void walk(JsonNode n, double[] box, int depth) {
        if (depth > 6 || !n.isArray()) return;
        if (n.size() >= 2 && n.get(0).isNumber() && n.get(1).isNumber()) {
            double x = n.get(0).asDouble();
            double y = n.get(1).asDouble();
            box[0] = Math.min(box[0], x);
            box[1] = Math.min(box[1], y);
            box[2] = Math.max(box[2], x);
            box[3] = Math.max(box[3], y);
            return;
        }
        for (JsonNode c : n) walk(c, box, depth + 1);
    }
}
