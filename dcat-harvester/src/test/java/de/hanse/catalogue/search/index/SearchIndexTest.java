package de.hanse.catalogue.search.index;

import static org.assertj.core.api.Assertions.assertThat;

import de.hanse.catalogue.search.extract.DatasetDoc;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Index-level behaviour on documents as real portals deliver them. */
class SearchIndexTest {

    private static DatasetDoc doc(String iri, Map<String, List<String>> titles, String description) {
        return new DatasetDoc(iri, iri.substring(iri.length() - 1), titles, Map.of("", List.of(description)), Map.of(),
                List.of("rostock"), List.of(), List.of(), List.of(), List.of(), null, null, null, false, null);
    }

    @Test
    void untaggedTextIsStemmedAsGermanAndStillMatchesExactly() {
        try (SearchIndex index = SearchIndex.inMemory()) {
            index.upsert(List.of(doc("https://rostock.example/d/1", Map.of("", List.of("Schulen")), "Standorte der Schulen"),
                    doc("https://rostock.example/d/2", Map.of("", List.of("Parking garages")), "Car parks")));
            index.commit(Map.of());
            assertThat(index.search(SearchQuery.all().withText("Schule")).total()).isEqualTo(1);
            assertThat(index.search(SearchQuery.all().withText("Schulen")).total()).isEqualTo(1);
            assertThat(index.search(SearchQuery.all().withText("garages")).total()).isEqualTo(1);
        }
    }

    @Test
    void hitListShowsDescriptionsWithoutMarkup() {
        try (SearchIndex index = SearchIndex.inMemory()) {
            index.upsert(List.of(doc("https://bremen.example/d/3", Map.of("de", List.of("Wanderungen")),
                    "<p>Dargestellt ist die Zahl der <b>Wanderungen</b>.</p><p>Quelle: Melderegister</p>")));
            index.commit(Map.of());
            String hit = index.search(SearchQuery.all()).items().get(0);
            assertThat(hit).contains("\"description\":\"Dargestellt ist die Zahl der Wanderungen. Quelle: Melderegister\"");
        }
    }
}
