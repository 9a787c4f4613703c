package de.hanse.harvest.pipeline;

import de.hanse.core.vocab.Hanse;
import de.hanse.core.vocab.Vocab;
import de.hanse.harvest.validate.RecordValidator.ValidationResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;

/**
 * Reads and writes dataset records and their provenance in the node's dataset, inside the caller's transaction.
 * Layout: the record's triples in the named graph {@link Hanse#recordGraph}; in {@link Hanse#META} the
 * {@code dcat:CatalogRecord} (same IRI as the graph, so no {@code hanse:graph} is stored) with source, dataset, key,
 * page URL, times, hash and the quality flags ({@code hanse:conforms}, {@code hanse:violations},
 * {@code hanse:warnings}: stored here only); the quality report in the graph {@code <record>:quality}.
 */
public final class RecordStore {
    public static final Node DQV_hasQualityMetadata = NodeFactory.createURI("http://www.w3.org/ns/dqv#hasQualityMetadata");
    public static final Node conforms = Hanse.p("conforms");
    public static final Node violations = Hanse.p("violations");
    public static final Node warnings = Hanse.p("warnings");
    public static final Node datasetId = Hanse.p("datasetId");
    public static final Node key = Hanse.p("key");

    private RecordStore() {}

    public static Node qualityGraph(Node record) {
        return NodeFactory.createURI(record.getURI() + ":quality");
    }

    /** Short stable id of a dataset IRI, used in URLs ({@code /catalogue/datasets/{id}}). */
    public static String datasetIdOf(String datasetIri) {
        return Hanse.sha256Hex(datasetIri).substring(0, 24);
    }

    /** What the store knows of a record from one scan of its provenance: content hash and page, each may be null. */
    public record Stored(String hash, Node page) {
        static final Stored NONE = new Stored(null, null);
    }

    /** The record's stored hash and page ({@link Stored#NONE} when the record is not stored). */
    public static Stored stored(DatasetGraph dsg, Node record) {
        var it = dsg.find(Hanse.META, record, Node.ANY, Node.ANY);
        String hash = null;
        Node page = null;
        try {
            while (it.hasNext() && (hash == null || page == null)) {
                Quad q = it.next();
                if (q.getPredicate().equals(Hanse.hash)) hash = q.getObject().getLiteralLexicalForm();
                else if (q.getPredicate().equals(Vocab.PROV_wasDerivedFrom)) page = q.getObject();
            }
        } finally {
            org.apache.jena.atlas.iterator.Iter.close(it);
        }
        return hash == null && page == null ? Stored.NONE : new Stored(hash, page);
    }

    /**
     * Points an unchanged record's provenance at the page it was seen on now, when it moved (sources page by
     * offset, so records shift between pages): a later 304 for that page must find the record there. Returns whether it moved.
     */
    public static boolean movePage(DatasetGraph dsg, Node record, Stored stored, String pageUrl) {
        Node now = NodeFactory.createURI(pageUrl);
        if (now.equals(stored.page())) return false;
        if (stored.page() != null) dsg.delete(Hanse.META, record, Vocab.PROV_wasDerivedFrom, stored.page());
        dsg.add(Hanse.META, record, Vocab.PROV_wasDerivedFrom, now);
        return true;
    }

    public static String storedHash(DatasetGraph dsg, Node record) {
        var it = dsg.find(Hanse.META, record, Hanse.hash, Node.ANY);
        try {
            return it.hasNext() ? it.next().getObject().getLiteralLexicalForm() : null;
        } finally {
            org.apache.jena.atlas.iterator.Iter.close(it);
        }
    }

    /** Replaces the record's graph, provenance and quality report (writing only what differs from the stored version). */
    public static void write(DatasetGraph dsg, String source, Node record, DatasetRecord rec, String pageUrl, String hash,
                             Instant now, ValidationResult quality) {
        write(dsg, source, record, rec, pageUrl, hash, now, quality, true);
    }

    /**
     * Writes the record's graph, provenance and quality report; {@code replace} false promises the record is not
     * stored yet (a new record), which saves looking for an old version. A replaced record is written as the
     * difference to what is stored: only quads that are gone are deleted and only new ones added (a changed title
     * touches a few quads, not the ~100 of a whole record with provenance and quality report; every quad costs an
     * update of each of TDB2's quad indexes, four or six). Blank nodes are parsed afresh each time, so triples with blank nodes are
     * always rewritten.
     */
    public static void write(DatasetGraph dsg, String source, Node record, DatasetRecord rec, String pageUrl, String hash,
                             Instant now, ValidationResult quality, boolean replace) {
        Node m = Hanse.META;
        Node qg = qualityGraph(record);
        Set<Quad> old = new HashSet<>();
        Node issued = null;
        if (replace) {
            dsg.find(record, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(old::add);
            dsg.find(qg, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(old::add);
            dsg.find(m, record, Node.ANY, Node.ANY).forEachRemaining(old::add);
            issued = firstObject(dsg, m, record, Vocab.DCT_issued);
        }
        List<Quad> quads = quads(source, record, rec, pageUrl, hash, now, quality, issued);
        if (old.isEmpty()) {
            quads.forEach(dsg::add);
            return;
        }
        // deletes first: a stored literal may read back in another lexical form of the same value (TDB2 inlines
        // numbers and dates), so a quad can be both "gone" and "new" and must end up present
        Set<Quad> keep = new HashSet<>(quads);
        for (Quad q : old) if (!keep.contains(q)) dsg.delete(q);
        for (Quad q : quads) if (!old.contains(q)) dsg.add(q);
    }

    /**
     * The quads of a record as written: its graph, its provenance in {@link Hanse#META} ({@code issued} null for a
     * record first written now) and its quality report. What {@link #write} stores; a first harvest hands the quads
     * of new records to {@link NewQuads} instead.
     */
    static List<Quad> quads(String source, Node record, DatasetRecord rec, String pageUrl, String hash, Instant now,
                            ValidationResult quality, Node issued) {
        List<Quad> quads = new ArrayList<>(rec.graph().size() + quality.reportGraph().size() + 16);
        rec.graph().find().forEachRemaining(t -> quads.add(new Quad(record, t)));
        Node m = Hanse.META;
        Node qg = qualityGraph(record);
        Node time = NodeFactory.createLiteralDT(now.toString(), XSDDatatype.XSDdateTime);
        quads.add(new Quad(m, record, Vocab.RDF_TYPE, Vocab.DCAT_CATALOG_RECORD));
        quads.add(new Quad(m, record, Vocab.FOAF_primaryTopic, rec.dataset()));
        quads.add(new Quad(m, record, Hanse.source, Hanse.sourceNode(source)));
        quads.add(new Quad(m, record, key, NodeFactory.createLiteralString(rec.key())));
        quads.add(new Quad(m, record, datasetId, NodeFactory.createLiteralString(datasetIdOf(rec.dataset().getURI()))));
        quads.add(new Quad(m, record, Vocab.PROV_wasDerivedFrom, NodeFactory.createURI(pageUrl)));
        quads.add(new Quad(m, record, Vocab.DCT_issued, issued != null ? issued : time));
        quads.add(new Quad(m, record, Vocab.DCT_modified, time));
        quads.add(new Quad(m, record, Hanse.hash, NodeFactory.createLiteralString(hash)));
        quads.add(new Quad(m, record, conforms, NodeFactory.createLiteralDT(Boolean.toString(quality.conforms()), XSDDatatype.XSDboolean)));
        quads.add(new Quad(m, record, violations, NodeFactory.createLiteralDT(Integer.toString(quality.violations()), XSDDatatype.XSDinteger)));
        quads.add(new Quad(m, record, warnings, NodeFactory.createLiteralDT(Integer.toString(quality.warnings()), XSDDatatype.XSDinteger)));
        if (!quality.reportGraph().isEmpty()) {
            quads.add(new Quad(m, record, DQV_hasQualityMetadata, qg));
            quality.reportGraph().find().forEachRemaining(t -> quads.add(new Quad(qg, t)));
        }
        return quads;
    }

    /** Removes a record: its graph, quality report and provenance. */
    public static void delete(DatasetGraph dsg, Node record) {
        clear(dsg, record);
    }

    private static void clear(DatasetGraph dsg, Node record) {
        dsg.deleteAny(record, Node.ANY, Node.ANY, Node.ANY);
        dsg.deleteAny(qualityGraph(record), Node.ANY, Node.ANY, Node.ANY);
        dsg.deleteAny(Hanse.META, record, Node.ANY, Node.ANY);
    }

    /** Record IRIs of one source. */
    public static List<Node> recordsOf(DatasetGraph dsg, String source) {
        List<Node> out = new ArrayList<>();
        dsg.find(Hanse.META, Node.ANY, Hanse.source, Hanse.sourceNode(source)).forEachRemaining(q -> out.add(q.getSubject()));
        return out;
    }

    /** Record IRIs whose provenance names {@code pageUrl} (for pages answered with 304). */
    public static List<Node> recordsFromPage(DatasetGraph dsg, String source, String pageUrl) {
        List<Node> out = new ArrayList<>();
        Node src = Hanse.sourceNode(source);
        dsg.find(Hanse.META, Node.ANY, Vocab.PROV_wasDerivedFrom, NodeFactory.createURI(pageUrl)).forEachRemaining(q -> {
            if (dsg.contains(Hanse.META, q.getSubject(), Hanse.source, src)) out.add(q.getSubject());
        });
        return out;
    }

    /** Describes the source in META (name, URL, priority). */
    public static void describeSource(DatasetGraph dsg, String source, String url, int priority) {
        Node s = Hanse.sourceNode(source);
        dsg.deleteAny(Hanse.META, s, Node.ANY, Node.ANY);
        dsg.add(Hanse.META, s, Vocab.RDF_TYPE, Hanse.HarvestSource);
        dsg.add(Hanse.META, s, Vocab.DCT_title, NodeFactory.createLiteralString(source));
        dsg.add(Hanse.META, s, Hanse.sourceUrl, NodeFactory.createLiteralString(url));
        dsg.add(Hanse.META, s, Hanse.priority, NodeFactory.createLiteralDT(Integer.toString(priority), XSDDatatype.XSDinteger));
    }

    /** Records when the source's last successful gather started and, if known, its last complete one. */
    public static void markGathered(DatasetGraph dsg, String source, java.time.Instant gathered, java.time.Instant lastFull) {
        Node s = Hanse.sourceNode(source);
        dsg.add(Hanse.META, s, Hanse.lastGathered, NodeFactory.createLiteralDT(gathered.toString(), XSDDatatype.XSDdateTime));
        if (lastFull != null)
            dsg.add(Hanse.META, s, Hanse.lastFullGather, NodeFactory.createLiteralDT(lastFull.toString(), XSDDatatype.XSDdateTime));
    }

    /** An instant stated about the source in {@code urn:hanse:meta} ({@link Hanse#lastGathered}, ...), or null. */
    public static java.time.Instant sourceInstant(DatasetGraph dsg, String source, Node property) {
        Node o = firstObject(dsg, Hanse.META, Hanse.sourceNode(source), property);
        if (o == null || !o.isLiteral()) return null;
        try {
            return java.time.Instant.parse(o.getLiteralLexicalForm());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    static Node firstObject(DatasetGraph dsg, Node g, Node s, Node p) {
        var it = dsg.find(g, s, p, Node.ANY);
        try {
            return it.hasNext() ? it.next().getObject() : null;
        } finally {
            org.apache.jena.atlas.iterator.Iter.close(it);
        }
    }

}
