package de.hanse.catalogue.search.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.hanse.catalogue.search.extract.DatasetDoc;
import java.text.Normalizer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.util.BytesRef;

/**
 * Maps a {@link DatasetDoc} to its Lucene document: per-language text fields, facet values, a 4-d point for the
 * bounding box, a 2-d point for the temporal coverage (open ends as the extreme longs), {@code modified} as point
 * and doc value, a folded title for sorting, and the JSON summary returned in hit lists (so a search never touches
 * the RDF store). Thread-safe.
 */
public final class DocumentMapper {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_DESCRIPTION = 500;
    /** HTML tags, which some portals put into descriptions; hit lists show plain text. */
    private static final java.util.regex.Pattern MARKUP = java.util.regex.Pattern.compile("<[^>]{1,200}>");
    private final FacetsConfig facets = IndexSchema.facetsConfig();

    public Document toDocument(DatasetDoc d) {
        Document doc = new Document();
        doc.add(new StringField(IndexSchema.ID, d.id(), Field.Store.YES));
        doc.add(new StringField(IndexSchema.IRI, d.iri(), Field.Store.YES));
        text(doc, "title", d.titles());
        text(doc, "desc", d.descriptions());
        text(doc, "kw", d.keywordsByLang());
        facet(doc, IndexSchema.SOURCE, d.sources());
        facet(doc, IndexSchema.PUBLISHER, d.publishers());
        facet(doc, IndexSchema.THEME, d.themes());
        facet(doc, IndexSchema.FORMAT, d.formats());
        facet(doc, IndexSchema.LICENSE, d.licenses());
        facet(doc, IndexSchema.KEYWORD, d.keywords());
        if (d.bbox() != null) doc.add(new DoublePoint(IndexSchema.BBOX, d.bbox().toArray()));
        if (d.hasTemporal()) doc.add(new LongPoint(IndexSchema.TEMPORAL,
                d.temporalStart() == null ? Long.MIN_VALUE : d.temporalStart(), d.temporalEnd() == null ? Long.MAX_VALUE : d.temporalEnd()));
        if (d.modified() != null) {
            doc.add(new LongPoint(IndexSchema.MODIFIED, d.modified()));
            doc.add(new NumericDocValuesField(IndexSchema.MODIFIED, d.modified()));
        }
        doc.add(new SortedDocValuesField(IndexSchema.TITLE_SORT, new BytesRef(sortKey(d.displayTitle()))));
        doc.add(new StoredField(IndexSchema.SUMMARY, summary(d)));
        try {
            return facets.build(doc);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void text(Document doc, String prefix, Map<String, List<String>> byLang) {
        byLang.forEach((lang, values) -> values.forEach(v -> {
            doc.add(new TextField(prefix + "_" + IndexSchema.langSuffix(lang), v, Field.Store.NO));
            // German portals mostly leave their German text untagged: it is also analysed as German, so stemming
            // applies, while the language-neutral field keeps exact matches for text in other languages.
            if (lang.isEmpty()) doc.add(new TextField(prefix + "_de", v, Field.Store.NO));
        }));
    }

    private static void facet(Document doc, String dim, List<String> values) {
        values.stream().filter(v -> v != null && !v.isBlank()).distinct()
                .forEach(v -> doc.add(new SortedSetDocValuesFacetField(dim, v)));
    }

    /** Lower case without diacritics, so "Ärzte" sorts with "Arzte" rather than after "Z". */
    static String sortKey(String title) {
        String folded = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        return folded.length() > 200 ? folded.substring(0, 200) : folded;
    }

    /** The hit-list entry of a dataset, as JSON bytes. */
    static byte[] summary(DatasetDoc d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("iri", d.iri());
        m.put("title", d.displayTitle());
        m.put("titles", first(d.titles()));
        String desc = d.displayDescription();
        if (desc != null) desc = MARKUP.matcher(desc).replaceAll(" ").replaceAll("\\s+", " ").replaceAll(" ([.,;:!?])", "$1").strip();
        if (desc != null) m.put("description", desc.length() > MAX_DESCRIPTION ? desc.substring(0, MAX_DESCRIPTION) + "…" : desc);
        if (d.modified() != null) m.put("modified", Instant.ofEpochMilli(d.modified()).toString());
        m.put("sources", d.sources());
        m.put("publishers", d.publishers());
        m.put("themes", d.themes());
        m.put("formats", d.formats());
        m.put("licenses", d.licenses());
        m.put("keywords", d.keywords());
        if (d.bbox() != null) m.put("bbox", d.bbox().toArray());
        if (d.hasTemporal()) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("start", d.temporalStart() == null ? null : Instant.ofEpochMilli(d.temporalStart()).toString());
            t.put("end", d.temporalEnd() == null ? null : Instant.ofEpochMilli(d.temporalEnd()).toString());
            m.put("temporal", t);
        }
        try {
            return JSON.writeValueAsBytes(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> first(Map<String, List<String>> byLang) {
        Map<String, String> out = new LinkedHashMap<>();
        byLang.forEach((k, v) -> out.put(k.isEmpty() ? "none" : k, v.get(0)));
        return out;
    }
}
