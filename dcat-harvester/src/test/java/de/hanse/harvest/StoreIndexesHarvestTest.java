package de.hanse.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import de.hanse.catalogue.CatalogueView;
import de.hanse.core.config.HarvestSourceConfig;
import de.hanse.core.http.OutboundHttp;
import de.hanse.core.store.NodeStore;
import de.hanse.harvest.pipeline.RecordStore;
import de.hanse.harvest.source.PageSources;
import de.hanse.harvest.validate.RecordValidator;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Harvests into on-disk stores with either quad-index layout: one created by {@link NodeStore} (its default four
 * indexes) and one created before that, with TDB2's default six (no {@code tdb.cfg}), which keeps its six. Both
 * stores answer the same after a first run, a re-run with one record gone and a reopen.
 */
class StoreIndexesHarvestTest {
    @TempDir
    Path dir;

    @Test
    void aStoreWithTdb2DefaultIndexesAndANewStoreHarvestAlike() throws java.io.IOException {
        Path old = dir.resolve("old");
        TDB2Factory.connectDataset(old.toString()); // created the way stores were created before 2026-12-06
        reopen(old);
        List<String> before, after;
        try (PageServer pages = new PageServer()) {
            before = harvestTwice(old, pages, List.of("GSPO", "GPOS", "GOSP", "POSG", "OSPG", "SPOG"));
            after = harvestTwice(dir.resolve("new"), pages, List.of("GSPO", "SPOG", "POSG", "OSPG"));
        }
        assertThat(after).isEqualTo(before);
    }

    /** First run of 5 records, second without record 5; what the readers see, after reopening the store. */
    private List<String> harvestTwice(Path data, PageServer pages, List<String> expectedIndexes) {
        pages.page("/p1", Fixtures.page(pages.url("/p1"), pages.url("/p2"), 1, 3));
        pages.page("/p2", Fixtures.page(pages.url("/p2"), null, 4, 5));
        HarvestSourceConfig cfg = HarvestSourceConfig.dcat("city", pages.url("/p1"));
        try (NodeStore store = NodeStore.open(data); OutboundHttp http = new OutboundHttp(2);
             HarvestService service = new HarvestService(store, http, PageSources.standard(), RecordValidator.NONE, Clock.systemUTC())) {
            assertThat(quadIndexes(store)).containsExactlyElementsOf(expectedIndexes);
            assertThat(service.run(cfg, false, null).added()).isEqualTo(5);
            pages.page("/p2", Fixtures.page(pages.url("/p2"), null, 4, 4));
            HarvestReport second = service.run(cfg, true, null);
            assertThat(second.unchanged()).isEqualTo(4);
            assertThat(second.deleted()).isEqualTo(1);
        }
        reopen(data);
        try (NodeStore store = NodeStore.open(data)) {
            assertThat(quadIndexes(store)).containsExactlyElementsOf(expectedIndexes);
            return store.read(dsg -> {
                List<String> seen = new java.util.ArrayList<>();
                RecordStore.recordsOf(dsg, "city").forEach(r -> seen.add("record " + r));
                CatalogueView.entries(dsg, null).forEach(e -> seen.add("view " + e.dataset() + " " + e.record()));
                seen.sort(null);
                return seen;
            });
        }
    }

    private static List<String> quadIndexes(NodeStore store) {
        TupleIndex[] indexes = TDBInternal.getDatasetGraphTDB(store.datasetGraph()).getQuadTable().getNodeTupleTable().getTupleTable().getIndexes();
        return Arrays.stream(indexes).map(TupleIndex::getName).toList();
    }

    private static void reopen(Path data) {
        TDBInternal.expel(DatabaseMgr.connectDatasetGraph(data.toString()));
    }
}
