package de.hanse.catalogue.search.extract;

import de.hanse.catalogue.search.extract.CatalogueRecords.RecordRef;
import de.hanse.core.vocab.Vocab;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;

/**
 * Builds the {@link DatasetDoc} of one dataset from the store: texts, facet values, extent and dates from the
 * primary record, the source facet from all records. Must run inside a read transaction. Stateless, thread-safe.
 */
public final class DatasetExtractor {
    static final String EU_THEME = "http://publications.europa.eu/resource/authority/data-theme/";
    private static final Node LOCN_GEOMETRY = NodeFactory.createURI(Vocab.LOCN + "geometry");
    private static final Node DCAT_START = NodeFactory.createURI(Vocab.DCAT + "startDate");
    private static final Node DCAT_END = NodeFactory.createURI(Vocab.DCAT + "endDate");
    private static final Node SCHEMA_START = NodeFactory.createURI("http://schema.org/startDate");
    private static final Node SCHEMA_END = NodeFactory.createURI("http://schema.org/endDate");
    private static final Node DCAT_CENTROID = NodeFactory.createURI(Vocab.DCAT + "centroid");

    private static final java.util.regex.Pattern DCATDE_LICENSE = java.util.regex.Pattern.compile("^https?://(www\\.)?dcat-ap\\.de/def/licenses/");

    private DatasetExtractor() {}

    /** The merged document, or {@code null} if no record holds the dataset any more. */
    public static DatasetDoc extract(DatasetGraph store, Node dataset) {
        List<RecordRef> records = CatalogueRecords.records(store, dataset);
        if (records.isEmpty()) return null;
        RecordRef primary = records.get(0);
        Node g = primary.graph();
        // One range scan of the record graph into memory: the many small lookups below then cost no index walks.
        DatasetGraph dsg = DatasetGraphFactory.create();
        store.find(g, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(dsg::add);
        Set<String> sources = new LinkedHashSet<>();
        records.forEach(r -> sources.add(r.source()));

        Set<String> formats = new LinkedHashSet<>();
        Set<String> licenses = new LinkedHashSet<>(values(dsg, g, dataset, Vocab.DCT_license));
        for (Node dist : objects(dsg, g, dataset, Vocab.DCAT_distribution)) {
            List<String> f = values(dsg, g, dist, Vocab.DCT_format);
            (f.isEmpty() ? values(dsg, g, dist, Vocab.DCAT_mediaType) : f).forEach(v -> formats.add(format(v)));
            licenses.addAll(values(dsg, g, dist, Vocab.DCT_license));
        }
        licenses = licenses.stream().map(DatasetExtractor::license).collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new));
        List<String> themes = values(dsg, g, dataset, Vocab.DCAT_theme).stream()
                .map(t -> t.startsWith(EU_THEME) ? t.substring(EU_THEME.length()) : t).distinct().toList();
        List<String> publishers = objects(dsg, g, dataset, Vocab.DCT_publisher).stream().map(p -> label(dsg, g, p)).distinct().toList();

        Long tStart = null, tEnd = null;
        boolean hasTemporal = false, openStart = false, openEnd = false;
        for (Node t : objects(dsg, g, dataset, Vocab.DCT_temporal)) {
            String s = first(dsg, g, t, DCAT_START, SCHEMA_START), e = first(dsg, g, t, DCAT_END, SCHEMA_END);
            if (s == null && e == null) continue;
            hasTemporal = true;
            Long ps = Dates.parseOrNull(s, false), pe = Dates.parseOrNull(e, true);
            openStart |= ps == null;
            openEnd |= pe == null;
            tStart = min(tStart, ps);
            tEnd = max(tEnd, pe);
        }
        if (openStart) tStart = null;
        if (openEnd) tEnd = null;
        Long modified = dateOf(dsg, g, dataset, Vocab.DCT_modified);
        if (modified == null) modified = dateOf(dsg, g, dataset, Vocab.DCT_issued);
        if (modified == null && primary.modified() != null) modified = Dates.parseOrNull(primary.modified(), false);

        return new DatasetDoc(dataset.getURI(), DatasetIds.shortId(dataset.getURI()), byLang(dsg, g, dataset, Vocab.DCT_title),
                byLang(dsg, g, dataset, Vocab.DCT_description), byLang(dsg, g, dataset, Vocab.DCAT_keyword),
                List.copyOf(sources), publishers, themes, List.copyOf(formats), List.copyOf(licenses),
                extent(dsg, g, dataset), tStart, tEnd, hasTemporal, modified);
    }

    private static BoundingBox extent(DatasetGraph dsg, Node g, Node dataset) {
        BoundingBox box = null;
        for (Node s : objects(dsg, g, dataset, Vocab.DCT_spatial)) {
            List<Node> geoms = s.isLiteral() ? List.of(s) : new ArrayList<>();
            if (!s.isLiteral())
                for (Node p : List.of(LOCN_GEOMETRY, Vocab.DCAT_bbox, DCAT_CENTROID)) geoms.addAll(objects(dsg, g, s, p));
            for (Node geom : geoms) {
                BoundingBox b = geom.isLiteral() ? GeometryParser.parse(geom.getLiteralLexicalForm()) : null;
                if (b != null) box = b.union(box);
            }
        }
        return box;
    }

    private static Map<String, List<String>> byLang(DatasetGraph dsg, Node g, Node s, Node p) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Node o : objects(dsg, g, s, p))
            if (o.isLiteral() && !o.getLiteralLexicalForm().isBlank())
                out.computeIfAbsent(o.getLiteralLanguage().toLowerCase(Locale.ROOT).split("-")[0], k -> new ArrayList<>())
                        .add(o.getLiteralLexicalForm().strip());
        return out;
    }

    private static String label(DatasetGraph dsg, Node g, Node agent) {
        if (agent.isLiteral()) return agent.getLiteralLexicalForm();
        Map<String, List<String>> names = byLang(dsg, g, agent, Vocab.FOAF_name);
        String name = DatasetDoc.preferred(names);
        return name != null ? name : CatalogueRecords.text(agent);
    }

    /** DCAT-AP.de licence IRIs appear as http/https, with and without www: one canonical form for the facet. */
    static String license(String v) {
        return DCATDE_LICENSE.matcher(v).replaceFirst("http://dcat-ap.de/def/licenses/");
    }

    static String format(String v) {
        String s = v.startsWith("http") ? v.substring(v.replaceAll("/+$", "").lastIndexOf('/') + 1).replaceAll("/+$", "") : v.strip();
        return s.contains("/") ? s.toLowerCase(Locale.ROOT) : s.toUpperCase(Locale.ROOT);
    }

    private static Long dateOf(DatasetGraph dsg, Node g, Node s, Node p) {
        Node n = CatalogueRecords.one(dsg, g, s, p);
        return n != null && n.isLiteral() ? Dates.parseOrNull(n.getLiteralLexicalForm(), false) : null;
    }

    private static String first(DatasetGraph dsg, Node g, Node s, Node... ps) {
        for (Node p : ps) {
            Node n = CatalogueRecords.one(dsg, g, s, p);
            if (n != null && n.isLiteral()) return n.getLiteralLexicalForm();
        }
        return null;
    }

    static List<Node> objects(DatasetGraph dsg, Node g, Node s, Node p) {
        List<Node> out = new ArrayList<>();
        dsg.find(g, s, p, Node.ANY).forEachRemaining(q -> out.add(q.getObject()));
        return out;
    }

    private static List<String> values(DatasetGraph dsg, Node g, Node s, Node p) {
        return objects(dsg, g, s, p).stream().map(CatalogueRecords::text).toList();
    }

    private static Long min(Long a, Long b) {
        if (a == null) return b;
        return b == null ? a : Long.valueOf(Math.min(a, b));
    }

    private static Long max(Long a, Long b) {
        if (a == null) return b;
        return b == null ? a : Long.valueOf(Math.max(a, b));
    }
}
