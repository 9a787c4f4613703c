package de.hanse.catalogue.search;

import static org.assertj.core.api.Assertions.assertThat;

import de.hanse.catalogue.search.index.SearchIndex;
import de.hanse.catalogue.search.index.SearchQuery;
import de.hanse.core.store.NodeStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An on-disk index survives a restart when the store did not change, and is rebuilt when it did. */
class IndexSyncTest {
    @TempDir
    Path dir;

    @Test
    void indexOnDiskIsReusedWhenFreshAndRebuiltWhenStale() {
        try (NodeStore store = NodeStore.inMemory()) {
            CatalogueFixture.load(store, "hamburg", 1, "hamburg.ttl");
            try (SearchIndex index = SearchIndex.open(dir)) {
                IndexSync sync = new IndexSync(store, index);
                assertThat(sync.fresh()).as("a new index is stale").isFalse();
                assertThat(sync.rebuild()).isEqualTo(4);
                assertThat(sync.fresh()).isTrue();
            }
            try (SearchIndex reopened = SearchIndex.open(dir)) {
                IndexSync sync = new IndexSync(store, reopened);
                assertThat(sync.fresh()).as("same store, same index: no rebuild needed").isTrue();
                assertThat(reopened.search(SearchQuery.all()).total()).isEqualTo(4);
            }
            CatalogueFixture.load(store, "bremen", 0, "bremen.ttl");
            try (SearchIndex reopened = SearchIndex.open(dir)) {
                IndexSync sync = new IndexSync(store, reopened);
                assertThat(sync.fresh()).as("the store changed while the index was closed").isFalse();
                sync.rebuild();
                assertThat(reopened.search(SearchQuery.all()).total()).isEqualTo(6);
            }
        }
    }
}
