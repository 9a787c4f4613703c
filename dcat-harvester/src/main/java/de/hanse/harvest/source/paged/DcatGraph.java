package de.hanse.harvest.source.paged;

import de.hanse.core.vocab.Vocab;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * A small builder for the DCAT-AP triples the API sources (CKAN, CSW) map their records to. Every adder ignores
 * null or blank values and invalid IRIs, so a record with odd fields is mapped as far as it goes instead of
 * failing the page. Not thread-safe: one per page.
 */
public final class DcatGraph {
    public static final String GSP = "http://www.opengis.net/ont/geosparql#";
    public static final String EU = "http://publications.europa.eu/resource/authority/";
    public static final String RDFS = "http://www.w3.org/2000/01/rdf-schema#";

    private final Graph g = GraphFactory.createGraphMem();

    public Graph graph() {
        return g;
    }

    public static Node u(String ns, String local) {
        return NodeFactory.createURI(ns + local);
    }

    /** An absolute http(s), mailto or urn IRI, with spaces escaped; null when the text is not one. */
    public static Node iri(String text) {
        if (text == null || text.isBlank()) return null;
        String s = text.strip().replace(" ", "%20");
        String scheme = s.contains(":") ? s.substring(0, s.indexOf(':')).toLowerCase(Locale.ROOT) : "";
        if (!(scheme.equals("http") || scheme.equals("https") || scheme.equals("mailto") || scheme.equals("urn"))) return null;
        try {
            IRIx x = IRIx.create(s);
            return x.scheme() != null && !x.isRelative() ? NodeFactory.createURI(x.str()) : null;
        } catch (IRIException e) {
            return null;
        }
    }

    public Node blank() {
        return NodeFactory.createBlankNode();
    }

    public void add(Node s, Node p, Node o) {
        if (s != null && p != null && o != null) g.add(Triple.create(s, p, o));
    }

    public void type(Node s, Node cls) {
        add(s, Vocab.RDF_TYPE, cls);
    }

    public void literal(Node s, Node p, String v) {
        if (v != null && !v.isBlank()) add(s, p, NodeFactory.createLiteralString(v.strip()));
    }

    public void langLiteral(Node s, Node p, String v, String lang) {
        if (v == null || v.isBlank()) return;
        add(s, p, lang == null ? NodeFactory.createLiteralString(v.strip()) : NodeFactory.createLiteralLang(v.strip(), lang));
    }

    public void typed(Node s, Node p, String lexical, XSDDatatype dt) {
        if (lexical != null && !lexical.isBlank()) add(s, p, NodeFactory.createLiteralDT(lexical.strip(), dt));
    }

    /**
     * A date or date-time as {@code xsd:date} / {@code xsd:dateTime}. CKAN's local timestamps
     * ({@code 2021-01-28T01:51:03.349193}) are valid {@code xsd:dateTime} lexical forms; anything unparseable is
     * dropped rather than written as an invalid literal.
     */
    public void date(Node s, Node p, String v) {
        if (v == null || v.isBlank()) return;
        String t = v.strip();
        try {
            if (t.length() == 10) {
                LocalDate.parse(t);
                typed(s, p, t, XSDDatatype.XSDdate);
            } else if (t.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?")) {
                typed(s, p, t.length() == 16 ? t + ":00" : t, XSDDatatype.XSDdateTime);
            } else {
                OffsetDateTime.parse(t);
                typed(s, p, t, XSDDatatype.XSDdateTime);
            }
        } catch (DateTimeParseException e) {
            // not a date: leave it out
        }
    }

    /** {@code dct:spatial [a dct:Location; dcat:bbox "POLYGON(...)"^^gsp:wktLiteral]} in CRS84 (lon lat). */
    public Node bbox(Node dataset, double west, double south, double east, double north) {
        if (!(west <= east && south <= north) || Double.isNaN(west + south + east + north)) return null;
        Node loc = blank();
        add(dataset, Vocab.DCT_spatial, loc);
        type(loc, u(Vocab.DCT, "Location"));
        String wkt = String.format(Locale.ROOT, "POLYGON((%s %s, %s %s, %s %s, %s %s, %s %s))",
                n(west), n(south), n(east), n(south), n(east), n(north), n(west), n(north), n(west), n(south));
        add(loc, Vocab.DCAT_bbox, NodeFactory.createLiteralDT(wkt, new org.apache.jena.datatypes.BaseDatatype(GSP + "wktLiteral")));
        return loc;
    }

    private static String n(double d) {
        return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    /** {@code dct:format}: the EU file-type IRI when the format is known, else a labelled {@code dct:MediaTypeOrExtent}. */
    public void format(Node distribution, String format) {
        if (format == null || format.isBlank()) return;
        String code = Vocabularies.fileType(format);
        if (code != null) {
            add(distribution, Vocab.DCT_format, u(EU, "file-type/" + code));
            return;
        }
        Node f = blank();
        add(distribution, Vocab.DCT_format, f);
        type(f, u(Vocab.DCT, "MediaTypeOrExtent"));
        literal(f, u(RDFS, "label"), format);
    }
}
