package de.hanse.catalogue.search.extract;

import de.hanse.catalogue.search.extract.CatalogueRecords.RecordRef;
import de.hanse.core.vocab.Vocab;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * The detail view of one dataset as a JSON-ready map: the merged description (from the primary record), its
 * distributions, provenance (every source holding it, with first/last harvest and page URL) and the quality report
 * of each record. Must run inside a read transaction. Stateless, thread-safe.
 */
public final class DatasetDetails {
    private static final Node LANDING_PAGE = NodeFactory.createURI(Vocab.DCAT + "landingPage");
    private static final Node ACCESS_RIGHTS = NodeFactory.createURI(Vocab.DCT + "accessRights");
    private static final Node BYTE_SIZE = NodeFactory.createURI(Vocab.DCAT + "byteSize");

    private DatasetDetails() {}

    /** The detail map, or {@code null} if no record holds the dataset. */
    public static Map<String, Object> read(DatasetGraph dsg, Node dataset) {
        DatasetDoc doc = DatasetExtractor.extract(dsg, dataset);
        if (doc == null) return null;
        List<RecordRef> records = CatalogueRecords.records(dsg, dataset);
        Node g = records.get(0).graph();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", doc.id());
        m.put("iri", doc.iri());
        m.put("title", doc.displayTitle());
        m.put("titles", doc.titles());
        m.put("descriptions", doc.descriptions());
        m.put("keywords", doc.keywordsByLang());
        m.put("themes", values(dsg, g, dataset, Vocab.DCAT_theme));
        m.put("publishers", publishers(dsg, g, dataset));
        m.put("licenses", values(dsg, g, dataset, Vocab.DCT_license));
        putIfAny(m, "accessRights", values(dsg, g, dataset, ACCESS_RIGHTS));
        putIfAny(m, "landingPages", values(dsg, g, dataset, LANDING_PAGE));
        putIfAny(m, "issued", text(dsg, g, dataset, Vocab.DCT_issued));
        putIfAny(m, "modified", text(dsg, g, dataset, Vocab.DCT_modified));
        if (doc.bbox() != null) m.put("bbox", doc.bbox().toArray());
        m.put("distributions", distributions(dsg, g, dataset));
        m.put("provenance", provenance(records));
        m.put("quality", QualityReports.of(dsg, records));
        return m;
    }

    private static List<Map<String, Object>> distributions(DatasetGraph dsg, Node g, Node dataset) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Node d : DatasetExtractor.objects(dsg, g, dataset, Vocab.DCAT_distribution)) {
            Map<String, Object> m = new LinkedHashMap<>();
            if (d.isURI()) m.put("iri", d.getURI());
            putIfAny(m, "title", text(dsg, g, d, Vocab.DCT_title));
            putIfAny(m, "description", text(dsg, g, d, Vocab.DCT_description));
            putIfAny(m, "accessURL", values(dsg, g, d, Vocab.DCAT_accessURL));
            putIfAny(m, "downloadURL", values(dsg, g, d, Vocab.DCAT_downloadURL));
            putIfAny(m, "format", values(dsg, g, d, Vocab.DCT_format).stream().map(DatasetExtractor::format).toList());
            putIfAny(m, "mediaType", values(dsg, g, d, Vocab.DCAT_mediaType));
            putIfAny(m, "license", values(dsg, g, d, Vocab.DCT_license));
            putIfAny(m, "byteSize", text(dsg, g, d, BYTE_SIZE));
            putIfAny(m, "modified", text(dsg, g, d, Vocab.DCT_modified));
            out.add(m);
        }
        return out;
    }

    private static Map<String, Object> provenance(List<RecordRef> records) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (RecordRef r : records) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("source", r.source());
            m.put("priority", r.priority());
            m.put("record", r.record().getURI());
            putIfAny(m, "derivedFrom", r.derivedFrom());
            putIfAny(m, "firstHarvested", r.issued());
            putIfAny(m, "lastWritten", r.modified());
            m.put("primary", list.isEmpty());
            list.add(m);
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("primarySource", records.get(0).source());
        p.put("sources", records.stream().map(RecordRef::source).distinct().toList());
        p.put("records", list);
        return p;
    }

    private static List<Map<String, Object>> publishers(DatasetGraph dsg, Node g, Node dataset) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Node p : DatasetExtractor.objects(dsg, g, dataset, Vocab.DCT_publisher)) {
            Map<String, Object> m = new LinkedHashMap<>();
            if (p.isURI()) m.put("iri", p.getURI());
            putIfAny(m, "name", p.isLiteral() ? p.getLiteralLexicalForm() : text(dsg, g, p, Vocab.FOAF_name));
            out.add(m);
        }
        return out;
    }

    static List<String> values(DatasetGraph dsg, Node g, Node s, Node p) {
        return DatasetExtractor.objects(dsg, g, s, p).stream().map(CatalogueRecords::text).toList();
    }

    static String text(DatasetGraph dsg, Node g, Node s, Node p) {
        return CatalogueRecords.text(CatalogueRecords.one(dsg, g, s, p));
    }

    static void putIfAny(Map<String, Object> m, String key, Object value) {
        if (value == null || (value instanceof List<?> l && l.isEmpty())) return;
        m.put(key, value);
    }
}
