package de.hanse.harvest.validate;

import de.hanse.core.vocab.Vocab;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * A record's score in the five MQA dimensions, with the indicators and weights of the data.europa.eu Metadata
 * Quality Assessment; distribution indicators count by the share of distributions that meet them. Reachability
 * of URLs is not checked during a harvest, so the accessibility indicators score the URLs' presence. Maximum
 * points: findability 100, accessibility 100, interoperability 110, reusability 75, contextuality 20 (405).
 */
record QualityScore(int findability, int accessibility, int interoperability, int reusability, int contextuality) {
    static final int MAX = 405;
    static final List<String> DIMENSIONS = List.of("findability", "accessibility", "interoperability", "reusability", "contextuality");
    static final int[] DIMENSION_MAX = {100, 100, 110, 75, 20};

    private static final String EU = "http://publications.europa.eu/resource/authority/";
    private static final Set<String> NON_PROPRIETARY = Set.of("CSV", "JSON", "GEOJSON", "XML", "RDF", "RDF_XML", "RDF_TURTLE",
            "JSON_LD", "RDF_N_TRIPLES", "N3", "ODS", "ODT", "HTML", "TXT", "KML", "GML", "GPKG", "ATOM", "RSS", "PNG", "SVG",
            "TSV", "NETCDF", "GTFS", "PDF", "WMS_SRVC", "WFS_SRVC", "WCS_SRVC", "WMTS_SRVC", "ZIP", "TIFF", "JPEG");
    private static final Set<String> MACHINE_READABLE = Set.of("CSV", "JSON", "GEOJSON", "XML", "RDF", "RDF_XML", "RDF_TURTLE",
            "JSON_LD", "RDF_N_TRIPLES", "N3", "ODS", "XLS", "XLSX", "KML", "GML", "GPKG", "SHP", "TSV", "NETCDF", "GTFS",
            "WFS_SRVC", "WCS_SRVC", "ATOM", "RSS", "DBF", "SQL");

    private static final Node ACCESS_RIGHTS = u(Vocab.DCT, "accessRights");
    private static final Node RIGHTS = u(Vocab.DCT, "rights");
    private static final Node BYTE_SIZE = u(Vocab.DCAT, "byteSize");
    private static final Node LABEL = u("http://www.w3.org/2000/01/rdf-schema#", "label");

    int total() {
        return findability + accessibility + interoperability + reusability + contextuality;
    }

    /** Overall score 0..100. */
    int overall() {
        return Math.round(100f * total() / MAX);
    }

    int[] points() {
        return new int[] {findability, accessibility, interoperability, reusability, contextuality};
    }

    static QualityScore of(Graph g, Node dataset, boolean conforms) {
        List<Node> dists = g.find(dataset, Vocab.DCAT_distribution, Node.ANY).mapWith(t -> t.getObject()).toList();
        int find = has(g, dataset, Vocab.DCAT_keyword, 30) + has(g, dataset, Vocab.DCAT_theme, 30)
                + has(g, dataset, Vocab.DCT_spatial, 20) + has(g, dataset, Vocab.DCT_temporal, 20);
        int access = share(dists, d -> g.contains(d, Vocab.DCAT_accessURL, Node.ANY), 50)
                + share(dists, d -> g.contains(d, Vocab.DCAT_downloadURL, Node.ANY), 50);
        int interop = share(dists, d -> g.contains(d, Vocab.DCT_format, Node.ANY), 20)
                + share(dists, d -> g.contains(d, Vocab.DCAT_mediaType, Node.ANY), 10)
                + share(dists, d -> fromVocabulary(g, d), 10)
                + share(dists, d -> formatIn(g, d, NON_PROPRIETARY), 20)
                + share(dists, d -> formatIn(g, d, MACHINE_READABLE), 20)
                + (conforms ? 30 : 0);
        Node accessRights = one(g, dataset, ACCESS_RIGHTS);
        int reuse = (accessRights != null ? 10 : 0)
                + (accessRights != null && accessRights.isURI() && accessRights.getURI().startsWith(EU + "access-right/") ? 5 : 0)
                + share(dists, d -> g.contains(d, Vocab.DCT_license, Node.ANY), 20)
                + share(dists, d -> licenceFromVocabulary(one(g, d, Vocab.DCT_license)), 10)
                + has(g, dataset, Vocab.DCAT_contactPoint, 20) + has(g, dataset, Vocab.DCT_publisher, 10);
        int context = share(dists, d -> g.contains(d, RIGHTS, Node.ANY), 5)
                + share(dists, d -> g.contains(d, BYTE_SIZE, Node.ANY), 5)
                + (g.contains(dataset, Vocab.DCT_issued, Node.ANY) || dists.stream().anyMatch(d -> g.contains(d, Vocab.DCT_issued, Node.ANY)) ? 5 : 0)
                + (g.contains(dataset, Vocab.DCT_modified, Node.ANY) || dists.stream().anyMatch(d -> g.contains(d, Vocab.DCT_modified, Node.ANY)) ? 5 : 0);
        return new QualityScore(find, access, interop, reuse, context);
    }

    private static int has(Graph g, Node s, Node p, int points) {
        return g.contains(s, p, Node.ANY) ? points : 0;
    }

    private static int share(List<Node> dists, Predicate<Node> test, int points) {
        if (dists.isEmpty()) return 0;
        long ok = dists.stream().filter(test).count();
        return Math.round((float) points * ok / dists.size());
    }

    private static boolean fromVocabulary(Graph g, Node d) {
        Node f = one(g, d, Vocab.DCT_format);
        Node m = one(g, d, Vocab.DCAT_mediaType);
        return (f != null && f.isURI() && f.getURI().startsWith(EU + "file-type/"))
                || (m != null && m.isURI() && m.getURI().contains("www.iana.org/assignments/media-types/"));
    }

    private static boolean licenceFromVocabulary(Node l) {
        return l != null && l.isURI() && (l.getURI().startsWith(EU + "licence/") || l.getURI().startsWith("http://dcat-ap.de/def/licenses/"));
    }

    /** The distribution's format code: the EU file-type code, or the label of a format node, upper-cased. */
    private static boolean formatIn(Graph g, Node d, Set<String> codes) {
        Node f = one(g, d, Vocab.DCT_format);
        if (f == null) return false;
        String code;
        if (f.isURI()) code = f.getURI().substring(f.getURI().lastIndexOf('/') + 1);
        else if (f.isLiteral()) code = f.getLiteralLexicalForm();
        else {
            Node label = one(g, f, LABEL);
            code = label != null && label.isLiteral() ? label.getLiteralLexicalForm() : "";
        }
        return codes.contains(code.strip().toUpperCase(Locale.ROOT));
    }

    private static Node one(Graph g, Node s, Node p) {
        var it = g.find(s, p, Node.ANY);
        try {
            return it.hasNext() ? it.next().getObject() : null;
        } finally {
            it.close();
        }
    }

    private static Node u(String ns, String local) {
        return NodeFactory.createURI(ns + local);
    }
}
