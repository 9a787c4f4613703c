package de.hanse.catalogue.search.index;

import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.facet.FacetsConfig;

/**
 * Field names, analyzers and facet configuration of the search index, shared by writing and querying so the two
 * cannot drift. Text fields exist once per language: {@code title_de} (German analyzer: stop words, umlaut folding,
 * light stemming), {@code title_en} (English analyzer: Porter stemming), {@code title_std} (standard analyzer, for
 * untagged and other languages; untagged text is also indexed as German, the usual language of untagged literals
 * in German portals); likewise {@code desc_*} and {@code kw_*}.
 */
public final class IndexSchema {
    /** Bump when the document layout changes: an index with another version is rebuilt at start. */
    public static final String VERSION = "2";

    public static final String ID = "id";
    public static final String IRI = "iri";
    public static final String SUMMARY = "summary";
    public static final String BBOX = "bbox";
    public static final String TEMPORAL = "temporal";
    public static final String MODIFIED = "modified";
    public static final String TITLE_SORT = "title_sort";

    public static final String SOURCE = "source";
    public static final String PUBLISHER = "publisher";
    public static final String THEME = "theme";
    public static final String FORMAT = "format";
    public static final String LICENSE = "license";
    public static final String KEYWORD = "keyword";
    /** Facet dimensions in the order they are reported. */
    public static final List<String> DIMENSIONS = List.of(SOURCE, PUBLISHER, THEME, FORMAT, LICENSE, KEYWORD);

    public static final List<String> LANGS = List.of("de", "en", "std");
    /** Text field prefixes and their query-time boosts. */
    public static final Map<String, Float> TEXT_FIELDS = Map.of("title", 3f, "kw", 2f, "desc", 1f);

    private IndexSchema() {}

    /** The language suffix a literal's tag maps to. */
    public static String langSuffix(String tag) {
        return tag.equals("de") || tag.equals("en") ? tag : "std";
    }

    /** A new analyzer (analyzers hold per-thread state; one per writer or parser owner). */
    public static Analyzer analyzer() {
        Map<String, Analyzer> perField = new java.util.HashMap<>();
        GermanAnalyzer de = new GermanAnalyzer();
        EnglishAnalyzer en = new EnglishAnalyzer();
        for (String f : TEXT_FIELDS.keySet()) {
            perField.put(f + "_de", de);
            perField.put(f + "_en", en);
        }
        return new PerFieldAnalyzerWrapper(new StandardAnalyzer(), perField);
    }

    public static FacetsConfig facetsConfig() {
        FacetsConfig c = new FacetsConfig();
        DIMENSIONS.forEach(d -> c.setMultiValued(d, true));
        return c;
    }
}
