package de.hanse.catalogue.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.hanse.catalogue.search.index.SearchQuery;
import de.hanse.core.http.ProblemException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every kind of bad input becomes a 400 problem that names the parameter. */
class SearchParamsTest {

    private static String badParameter(Map<String, List<String>> params) {
        try {
            SearchParams.parse(params);
        } catch (ProblemException e) {
            assertThat(e.problem().status()).isEqualTo(400);
            assertThat(e.problem().type()).endsWith("bad-parameter");
            return (String) e.problem().extensions().get("parameter");
        }
        throw new AssertionError("accepted " + params);
    }

    @Test
    void namesTheOffendingParameter() {
        assertThat(badParameter(Map.of("qq", List.of("x")))).isEqualTo("qq");
        assertThat(badParameter(Map.of("bbox", List.of("1,2,3")))).isEqualTo("bbox");
        assertThat(badParameter(Map.of("bbox", List.of("a,2,3,4")))).isEqualTo("bbox");
        assertThat(badParameter(Map.of("bbox", List.of("10,50,9,51")))).as("min > max").isEqualTo("bbox");
        assertThat(badParameter(Map.of("bbox", List.of("0,-91,1,1")))).isEqualTo("bbox");
        assertThat(badParameter(Map.of("modifiedFrom", List.of("yesterday")))).isEqualTo("modifiedFrom");
        assertThat(badParameter(Map.of("temporalTo", List.of("2024-13-01")))).isEqualTo("temporalTo");
        assertThat(badParameter(Map.of("temporalFrom", List.of("2025"), "temporalTo", List.of("2024")))).isEqualTo("temporalFrom");
        assertThat(badParameter(Map.of("sort", List.of("size")))).isEqualTo("sort");
        assertThat(badParameter(Map.of("page", List.of("0")))).isEqualTo("page");
        assertThat(badParameter(Map.of("pageSize", List.of("1000")))).isEqualTo("pageSize");
        assertThat(badParameter(Map.of("page", List.of("600"), "pageSize", List.of("20")))).isEqualTo("page");
        assertThat(badParameter(Map.of("q", List.of("a", "b")))).isEqualTo("q");
    }

    @Test
    void acceptsTheDocumentedForms() {
        SearchQuery q = SearchParams.parse(Map.of("q", List.of("Verkehr"), "source", List.of("hamburg", "bremen"),
                "bbox", List.of("9.7,53.3,10.3,53.8"), "modifiedFrom", List.of("2024"), "modifiedTo", List.of("2024-06"),
                "temporalFrom", List.of("2020-01-01T00:00:00Z"), "sort", List.of("-modified"), "page", List.of("2"), "pageSize", List.of("50")));
        assertThat(q.filters()).containsEntry("source", List.of("hamburg", "bremen"));
        assertThat(q.bbox().minLon()).isEqualTo(9.7);
        assertThat(q.modifiedFrom()).isEqualTo(java.time.Instant.parse("2024-01-01T00:00:00Z").toEpochMilli());
        assertThat(q.modifiedTo()).isEqualTo(java.time.Instant.parse("2024-07-01T00:00:00Z").toEpochMilli() - 1);
        assertThat(q.sort()).isEqualTo(SearchQuery.Order.MODIFIED_DESC);
        assertThat(q.page()).isEqualTo(2);
        assertThat(SearchParams.parse(Map.of()).pageSize()).isEqualTo(SearchParams.DEFAULT_PAGE_SIZE);
    }
}
