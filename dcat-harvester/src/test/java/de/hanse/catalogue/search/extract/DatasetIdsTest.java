package de.hanse.catalogue.search.extract;

import static org.assertj.core.api.Assertions.assertThat;

import de.hanse.harvest.pipeline.RecordStore;
import org.junit.jupiter.api.Test;

/** The search API and the DCAT export must name a dataset by the same short id. */
class DatasetIdsTest {
    @Test
    void sameIdAsTheCatalogueExport() {
        String iri = "https://hamburg.example/dataset/traffic";
        assertThat(DatasetIds.shortId(iri)).isEqualTo(RecordStore.datasetIdOf(iri));
        assertThat(DatasetIds.isShortId(DatasetIds.shortId(iri))).isTrue();
        assertThat(DatasetIds.isShortId(iri)).isFalse();
    }
}
