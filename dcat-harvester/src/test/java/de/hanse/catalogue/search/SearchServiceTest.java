package de.hanse.catalogue.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.hanse.catalogue.search.index.SearchIndex;
import de.hanse.catalogue.search.index.SearchQuery;
import de.hanse.catalogue.search.index.SearchResult;
import de.hanse.catalogue.search.index.SearchResult.FacetCount;
import de.hanse.core.store.NodeStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Search over the Hamburg and Bremen fixtures: text, facets, filters, sort, paging, merge and live updates. */
class SearchServiceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private NodeStore store;
    private SearchService service;

    @BeforeEach
    void setUp() throws Exception {
        store = NodeStore.inMemory();
        CatalogueFixture.load(store, "hamburg", 1, "hamburg.ttl");
        CatalogueFixture.load(store, "bremen", 0, "bremen.ttl");
        service = new SearchService(store, SearchIndex.inMemory());
        service.start();
        assertThat(service.awaitIdle(Duration.ofSeconds(30))).isTrue();
    }

    @AfterEach
    void tearDown() {
        service.close();
        store.close();
    }

    private SearchResult search(String... params) {
        Map<String, List<String>> m = new HashMap<>();
        for (int i = 0; i < params.length; i += 2) m.computeIfAbsent(params[i], k -> new ArrayList<>()).add(params[i + 1]);
        return service.search(SearchParams.parse(m));
    }

    private static List<String> iris(SearchResult r) {
        return r.items().stream().map(s -> {
            try {
                return JSON.readTree(s).get("iri").asText();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static Map<String, Long> counts(SearchResult r, String dim) {
        Map<String, Long> m = new HashMap<>();
        for (FacetCount c : r.facets().get(dim)) m.put(c.value(), c.count());
        return m;
    }

    @Test
    void indexesEveryDatasetOnceAndMergesTheOneTwoSourcesHold() throws Exception {
        SearchResult all = search();
        assertThat(all.total()).isEqualTo(6);
        assertThat(counts(all, "source")).containsEntry("hamburg", 4L).containsEntry("bremen", 3L);
        SearchResult schools = search("q", "Schulstandorte");
        assertThat(iris(schools)).containsExactly("https://shared.example/dataset/schools");
        JsonNode hit = JSON.readTree(schools.items().get(0));
        assertThat(hit.get("title").asText()).as("newest dct:modified wins: Bremen's copy").isEqualTo("Schulstandorte Norddeutschland");
        assertThat(hit.get("sources").toString()).isEqualTo("[\"bremen\",\"hamburg\"]");
        assertThat(search("q", "Kopie").total()).as("the older copy's title is not indexed").isZero();
    }

    @Test
    void germanQueriesAreStemmedAgainstGermanTextAndEnglishAgainstEnglish() {
        assertThat(iris(search("q", "Verkehrszählung"))).contains("https://hamburg.example/dataset/traffic", "https://bremen.example/dataset/traffic");
        assertThat(iris(search("q", "Straßenbaum"))).containsExactly("https://hamburg.example/dataset/trees");
        assertThat(iris(search("q", "bicycle"))).containsExactly("https://hamburg.example/dataset/bikes");
        assertThat(iris(search("q", "measurement rivers"))).containsExactly("https://bremen.example/dataset/water");
        assertThat(iris(search("q", "Fahrrad"))).as("keywords are searched").containsExactly("https://hamburg.example/dataset/bikes");
        assertThat(search("q", "Zeppelin").total()).isZero();
    }

    @Test
    void titleMatchesRankAboveDescriptionMatches() {
        List<String> hits = iris(search("q", "Verkehrszählungen"));
        assertThat(hits.get(0)).isEqualTo("https://hamburg.example/dataset/traffic");
    }

    @Test
    void facetFiltersNarrowResultsAndFilteredDimensionsAreCountedSideways() {
        SearchResult r = search("source", "bremen", "theme", "TRAN");
        assertThat(iris(r)).containsExactly("https://bremen.example/dataset/traffic");
        assertThat(counts(r, "source")).as("other sources still offered").containsEntry("hamburg", 2L).containsEntry("bremen", 1L);
        assertThat(counts(r, "format")).containsEntry("CSV", 1L);
        assertThat(search("theme", "TRAN", "theme", "ENVI").total()).as("values of one facet are OR'd").isEqualTo(5);
        assertThat(iris(search("format", "GEOJSON"))).containsExactly("https://hamburg.example/dataset/trees");
        assertThat(iris(search("license", "http://dcat-ap.de/def/licenses/cc-by/4.0"))).containsExactly("https://hamburg.example/dataset/trees");
        assertThat(iris(search("keyword", "Bäume"))).containsExactly("https://hamburg.example/dataset/trees");
        assertThat(search("publisher", "Landesbetrieb Geoinformation und Vermessung").total()).isEqualTo(2);
        assertThat(counts(search(), "format")).containsEntry("CSV", 4L).as("IANA media type IRIs count as their subtype").containsEntry("JSON", 1L);
    }

    @Test
    void bboxFilterWorksOnWktUtmGeoJsonAndDcatBbox() {
        assertThat(iris(search("bbox", "9.9,53.5,10.1,53.6")))
                .containsExactlyInAnyOrder("https://hamburg.example/dataset/traffic", "https://hamburg.example/dataset/trees");
        assertThat(iris(search("bbox", "8.7,53.0,8.9,53.1"))).containsExactly("https://bremen.example/dataset/traffic");
        assertThat(search("bbox", "11,48,12,49").total()).isZero();
        assertThat(search("bbox", "-180,-90,180,90").total()).as("datasets without geometry are excluded").isEqualTo(3);
    }

    @Test
    void temporalAndModifiedFiltersUseOverlapAndInclusiveBounds() {
        assertThat(iris(search("temporalFrom", "2011-06-01", "temporalTo", "2011-06-30"))).containsExactly("https://bremen.example/dataset/water");
        assertThat(iris(search("temporalFrom", "2030-01-01")))
                .as("an open end covers the future").containsExactly("https://hamburg.example/dataset/trees");
        assertThat(iris(search("modifiedFrom", "2024-01-10", "modifiedTo", "2024-03-01")))
                .containsExactlyInAnyOrder("https://bremen.example/dataset/traffic", "https://hamburg.example/dataset/traffic");
    }

    @Test
    void sortsByTitleAndModifiedAndPagesWithTotal() {
        List<String> byTitle = iris(search("sort", "title", "pageSize", "10"));
        assertThat(byTitle.get(0)).isEqualTo("https://hamburg.example/dataset/bikes");
        assertThat(byTitle.get(5)).isEqualTo("https://hamburg.example/dataset/traffic");
        assertThat(iris(search("sort", "-modified")).get(0)).isEqualTo("https://shared.example/dataset/schools");
        assertThat(iris(search("sort", "modified")).get(0)).isEqualTo("https://bremen.example/dataset/water");
        SearchResult p2 = search("sort", "title", "pageSize", "4", "page", "2");
        assertThat(p2.total()).isEqualTo(6);
        assertThat(iris(p2)).containsExactlyElementsOf(byTitle.subList(4, 6));
    }

    @Test
    void harvestChangesReachTheIndex() throws Exception {
        store.write(dsg -> CatalogueFixture.delete(dsg, "bremen", "https://bremen.example/dataset/water"));
        store.write(dsg -> CatalogueFixture.delete(dsg, "bremen", "https://shared.example/dataset/schools"));
        service.changed(List.of("https://bremen.example/dataset/water", "https://shared.example/dataset/schools"));
        assertThat(service.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(search().total()).isEqualTo(5);
        assertThat(search("q", "Weser").total()).isZero();
        SearchResult schools = search("q", "Schulen");
        assertThat(JSON.readTree(schools.items().get(0)).get("sources").toString())
                .as("the remaining Hamburg copy takes over").isEqualTo("[\"hamburg\"]");
    }

    @Test
    void detailHasDistributionsProvenanceAndQuality() {
        Map<String, Object> d = service.detail("https://shared.example/dataset/schools").orElseThrow();
        assertThat(d.get("title")).isEqualTo("Schulstandorte Norddeutschland");
        assertThat((List<?>) d.get("distributions")).hasSize(1);
        @SuppressWarnings("unchecked") Map<String, Object> prov = (Map<String, Object>) d.get("provenance");
        assertThat(prov.get("primarySource")).isEqualTo("bremen");
        assertThat((List<?>) prov.get("records")).hasSize(2);
        assertThat((List<?>) d.get("quality")).hasSize(2);
        String id = (String) d.get("id");
        assertThat(service.detail(id)).as("short id resolves").isPresent();
        assertThat(service.detail("https://nowhere.example/x")).isEmpty();
        assertThat(service.detail("0123456789abcdef01234567")).isEmpty();
    }

    @Test
    void totalIsExactBeyondLuceneDefaultThreshold() throws Exception {
        org.apache.jena.graph.Graph g = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
        List<String> iris = new ArrayList<>();
        store.write(dsg -> {
            for (int i = 0; i < 1500; i++) {
                var d = org.apache.jena.graph.NodeFactory.createURI("https://bulk.example/d/" + i);
                var rec = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
                rec.add(d, de.hanse.core.vocab.Vocab.RDF_TYPE, de.hanse.core.vocab.Vocab.DCAT_DATASET);
                rec.add(d, de.hanse.core.vocab.Vocab.DCT_title, org.apache.jena.graph.NodeFactory.createLiteralLang("Messreihe " + i, "de"));
                CatalogueFixture.write(dsg, "bulk", d, rec, "file:bulk");
                iris.add(d.getURI());
            }
        });
        assertThat(g.isEmpty()).isTrue();
        service.changed(iris);
        assertThat(service.awaitIdle(Duration.ofSeconds(30))).isTrue();
        assertThat(search("q", "Messreihe").total()).isEqualTo(1500);
        assertThat(search("sort", "title").total()).isEqualTo(1506);
    }
}
