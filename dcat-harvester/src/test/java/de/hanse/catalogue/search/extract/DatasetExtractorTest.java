package de.hanse.catalogue.search.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Facet values are normalised so that one licence or format is one facet value. */
class DatasetExtractorTest {
    @Test
    void dcatApDeLicenceIrisHaveOneCanonicalForm() {
        assertThat(DatasetExtractor.license("https://www.dcat-ap.de/def/licenses/cc-zero")).isEqualTo("http://dcat-ap.de/def/licenses/cc-zero");
        assertThat(DatasetExtractor.license("http://dcat-ap.de/def/licenses/dl-by-de/2.0")).isEqualTo("http://dcat-ap.de/def/licenses/dl-by-de/2.0");
        assertThat(DatasetExtractor.license("https://creativecommons.org/licenses/by/4.0/")).isEqualTo("https://creativecommons.org/licenses/by/4.0/");
    }

    @Test
    void formatsAreCodesOrMediaTypes() {
        assertThat(DatasetExtractor.format("http://publications.europa.eu/resource/authority/file-type/CSV")).isEqualTo("CSV");
        assertThat(DatasetExtractor.format("https://www.iana.org/assignments/media-types/application/json")).isEqualTo("JSON");
        assertThat(DatasetExtractor.format("geojson")).isEqualTo("GEOJSON");
        assertThat(DatasetExtractor.format("text/csv")).isEqualTo("text/csv");
    }
}
