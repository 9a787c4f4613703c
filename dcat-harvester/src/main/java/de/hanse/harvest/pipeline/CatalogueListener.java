package de.hanse.harvest.pipeline;

import java.util.Set;

/**
 * Told after a harvest run has committed, so derived indexes (full-text search) stay in step with the store.
 * Called on the harvest thread after commit; implementations must be thread-safe and quick, or hand off.
 */
public interface CatalogueListener {

    /**
     * @param source          the source that ran
     * @param changedDatasets dataset IRIs (or keys) added or updated by the run
     * @param removedDatasets dataset IRIs removed from this source by the run
     */
    void recordsChanged(String source, Set<String> changedDatasets, Set<String> removedDatasets);
}
