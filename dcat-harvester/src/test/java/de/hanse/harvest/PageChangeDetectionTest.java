package de.hanse.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import de.hanse.core.config.HarvestSourceConfig;
import de.hanse.harvest.pipeline.RecordStore;
import de.hanse.harvest.validate.RecordValidator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Page-level change detection on a real loopback source: pages answered 304 or byte-identical to the last run are
 * not parsed, and still vouch for exactly the records that are on them, also after records moved between pages
 * (offset paging) or were kept by the shrink guard.
 */
class PageChangeDetectionTest {
    private LoopbackHarvest h;
    private PageServer source;
    private HarvestService service;
    private HarvestSourceConfig cfg;

    @BeforeEach
    void setUp() throws Exception {
        h = new LoopbackHarvest(RecordValidator.NONE);
        source = h.source;
        service = h.service;
        cfg = HarvestSourceConfig.dcat("city", source.url("/p1"));
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    private void serve(String path, String next, int from, int to, String etag) {
        source.page(path, new PageServer.Response(200, "text/turtle", Fixtures.page(source.url(path), next == null ? null : source.url(next), from, to), etag));
    }

    private int stored() {
        return h.store.read(dsg -> RecordStore.recordsOf(dsg, "city").size());
    }

    @Test
    void byteIdenticalPagesWithoutEtagCountAsUnchangedAndChangedPagesAreRead() {
        serve("/p1", "/p2", 1, 3, null);
        serve("/p2", null, 4, 5, null);
        assertThat(service.run(cfg, false, null).added()).isEqualTo(5);

        HarvestReport same = service.run(cfg, false, null);
        assertThat(same.unchanged()).isEqualTo(5);
        assertThat(same.added() + same.updated() + same.deleted()).isZero();

        source.page("/p2", Fixtures.page(source.url("/p2"), null, 4, 5).replace("Datensatz 5", "Datensatz fünf"));
        HarvestReport changed = service.run(cfg, false, null);
        assertThat(changed.updated()).isEqualTo(1);
        assertThat(changed.unchanged()).isEqualTo(4);
    }

    @Test
    void recordThatMovedToAnUnchangedPageIsNotDeleted() {
        serve("/p1", "/p2", 1, 3, "\"a1\"");
        serve("/p2", null, 4, 5, "\"a2\"");
        service.run(cfg, false, null);

        // dataset 1 goes; offset paging shifts dataset 4 from page 2 to page 1 (its content unchanged)
        serve("/p1", "/p2", 2, 4, "\"b1\"");
        serve("/p2", null, 5, 5, "\"b2\"");
        HarvestReport shifted = service.run(cfg, false, null);
        assertThat(shifted.deleted()).isEqualTo(1);
        assertThat(shifted.unchanged()).isEqualTo(4);

        // page 1 unchanged (304), page 2 changes: dataset 4 is on page 1 and must survive
        serve("/p2", null, 5, 6, "\"c2\"");
        HarvestReport third = service.run(cfg, false, null);
        assertThat(source.notModified()).isEqualTo(1);
        assertThat(third.deleted()).as(third.summary()).isZero();
        assertThat(third.added()).isEqualTo(1);
        assertThat(third.unchanged()).isEqualTo(4);
        assertThat(stored()).isEqualTo(5);
    }

    @Test
    void afterTheShrinkGuardKeptRecordsTheNextRunReadsEveryPage() {
        serve("/p1", "/p2", 1, 3, "\"a1\"");
        serve("/p2", null, 4, 5, "\"a2\"");
        service.run(cfg, false, null);

        serve("/p1", null, 1, 1, "\"b1\"");
        HarvestReport guarded = service.run(cfg, false, null);
        assertThat(guarded.deleted()).isZero();
        assertThat(guarded.warnings()).singleElement().asString().contains("deletion skipped");

        int before = source.notModified();
        HarvestReport forced = service.run(cfg, true, null);
        assertThat(source.notModified()).as("no 304 may vouch for records kept by the guard").isEqualTo(before);
        assertThat(forced.deleted()).isEqualTo(4);
        assertThat(stored()).isEqualTo(1);
    }
}
