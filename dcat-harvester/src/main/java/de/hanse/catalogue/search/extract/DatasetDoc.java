package de.hanse.catalogue.search.extract;

import java.util.List;
import java.util.Map;

/**
 * What the search index knows of one dataset, merged over every record (source) that holds it: texts and facet
 * values come from the primary record (newest {@code dct:modified}, then higher source priority), the source facet
 * lists every source. Pure data, immutable.
 *
 * @param iri           the dataset IRI
 * @param id            stable short id ({@link DatasetIds#shortId})
 * @param titles        titles by language tag ({@code ""} for untagged)
 * @param descriptions  descriptions by language tag
 * @param keywordsByLang keywords by language tag
 * @param sources       names of the harvest sources holding the dataset (primary first)
 * @param publishers    publisher names (or IRIs when unnamed)
 * @param themes        themes (EU data-theme codes such as {@code TRAN}, other IRIs in full)
 * @param formats       distribution formats ({@code CSV}, {@code text/csv})
 * @param licenses      licence IRIs of the dataset and its distributions
 * @param bbox          WGS84 extent of {@code dct:spatial}, or {@code null}
 * @param temporalStart start of {@code dct:temporal} in epoch ms, {@code null} if open or absent
 * @param temporalEnd   end of {@code dct:temporal} in epoch ms, {@code null} if open or absent
 * @param hasTemporal   whether the dataset states a temporal coverage at all
 * @param modified      {@code dct:modified} (else issued, else harvest time) in epoch ms, or {@code null}
 */
public record DatasetDoc(String iri, String id, Map<String, List<String>> titles, Map<String, List<String>> descriptions,
                         Map<String, List<String>> keywordsByLang, List<String> sources, List<String> publishers,
                         List<String> themes, List<String> formats, List<String> licenses, BoundingBox bbox,
                         Long temporalStart, Long temporalEnd, boolean hasTemporal, Long modified) {

    private static final List<String> LANGUAGE_PREFERENCE = List.of("de", "en", "");

    /** The title to show: German, else English, else untagged, else any; the IRI when there is none. */
    public String displayTitle() {
        String t = preferred(titles);
        return t != null ? t : iri;
    }

    public String displayDescription() {
        return preferred(descriptions);
    }

    /** Every keyword regardless of language, in order, without duplicates. */
    public List<String> keywords() {
        return keywordsByLang.values().stream().flatMap(List::stream).distinct().toList();
    }

    static String preferred(Map<String, List<String>> byLang) {
        for (String lang : LANGUAGE_PREFERENCE)
            if (byLang.containsKey(lang) && !byLang.get(lang).isEmpty()) return byLang.get(lang).get(0);
        return byLang.values().stream().flatMap(List::stream).findFirst().orElse(null);
    }
}
