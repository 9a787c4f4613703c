package de.hanse.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import de.hanse.core.config.HarvestSourceConfig;
import de.hanse.core.vocab.Hanse;
import de.hanse.harvest.pipeline.RecordStore;
import de.hanse.harvest.validate.RecordValidator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Records that break other harvesters, served by a real source on loopback: a dataset without IRI and identifier
 * in the middle of a page, and datasets with thousands of distributions or keywords. Each is rejected with a
 * reason in the run report; the rest of the page is stored.
 */
class HardRecordsTest {
    private LoopbackHarvest h;

    @BeforeEach
    void setUp() throws Exception {
        h = new LoopbackHarvest(RecordValidator.NONE);
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    private int stored(String source) {
        return h.store.read(dsg -> RecordStore.recordsOf(dsg, source).size());
    }

    @Test
    void datasetWithoutIriAndIdentifierInTheMiddleOfAPageIsRejectedWithAReason() {
        String anonymous = """
                [] a dcat:Dataset ; dct:title "Ohne Kennung"@de ; dcat:keyword "kaputt" .
                """;
        String page = Fixtures.PREFIXES + Fixtures.dataset("https://example.org/dataset/1", "Eins")
                + Fixtures.dataset("https://example.org/dataset/2", "Zwei") + anonymous
                + Fixtures.dataset("https://example.org/dataset/3", "Drei");
        h.source.page("/p1", page);
        HarvestReport r = h.service.run(HarvestSourceConfig.dcat("city", h.source.url("/p1")), false, null);
        assertThat(r.status()).isEqualTo("SUCCEEDED");
        assertThat(r.added()).isEqualTo(3);
        assertThat(r.rejected()).isEqualTo(1);
        assertThat(r.recordErrors()).singleElement().satisfies(e -> {
            assertThat(e.iri()).contains("Ohne Kennung");
            assertThat(e.reason()).contains("neither an IRI nor a dct:identifier");
        });
        assertThat(stored("city")).isEqualTo(3);
    }

    @Test
    void hugeRecordsAreRejectedWithAReasonAndTheRestIsStored() {
        String manyDistributions = "<https://example.org/dataset/huge-dist> a dcat:Dataset ; dct:title \"Viele Verteilungen\"@de ;\n  dcat:distribution "
                + IntStream.range(0, 8_000).mapToObj(i -> "<https://example.org/dist/" + i + ">").collect(Collectors.joining(", ")) + " .\n"
                + IntStream.range(0, 8_000).mapToObj(i -> "<https://example.org/dist/" + i + "> a dcat:Distribution ; dcat:accessURL <https://example.org/f/"
                        + i + "> ; dct:format \"CSV\" .").collect(Collectors.joining("\n")) + "\n";
        String manyKeywords = "<https://example.org/dataset/huge-kw> a dcat:Dataset ; dct:title \"Viele Schlagwörter\"@de ;\n  dcat:keyword "
                + IntStream.range(0, 35_000).mapToObj(i -> "\"wort " + i + "\"").collect(Collectors.joining(", ")) + " .\n";
        String page = Fixtures.PREFIXES + Fixtures.dataset("https://example.org/dataset/1", "Eins") + manyDistributions
                + Fixtures.dataset("https://example.org/dataset/2", "Zwei") + manyKeywords;
        h.source.page("/p1", page);
        HarvestReport r = h.service.run(HarvestSourceConfig.dcat("city", h.source.url("/p1")), false, null);
        assertThat(r.status()).as(r.summary()).isEqualTo("SUCCEEDED");
        assertThat(r.added()).isEqualTo(2);
        assertThat(r.rejected()).isEqualTo(2);
        assertThat(r.recordErrors()).extracting(HarvestReport.RecordError::iri)
                .containsExactlyInAnyOrder("https://example.org/dataset/huge-dist", "https://example.org/dataset/huge-kw");
        assertThat(r.recordErrors()).allSatisfy(e -> assertThat(e.reason()).contains("exceeds").contains("triples"));
        boolean hugeStored = h.store.read(dsg -> dsg.containsGraph(Hanse.recordGraph("city", "https://example.org/dataset/huge-kw")));
        assertThat(hugeStored).isFalse();
        assertThat(stored("city")).isEqualTo(2);
    }
}
