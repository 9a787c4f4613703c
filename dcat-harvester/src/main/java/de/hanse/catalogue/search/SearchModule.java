package de.hanse.catalogue.search;

import de.hanse.catalogue.search.index.SearchIndex;
import de.hanse.core.node.NodeContext;
import de.hanse.core.node.NodeModule;
import de.hanse.harvest.pipeline.CatalogueListener;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.jena.fuseki.main.FusekiServer;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * Catalogue search as a node feature: the Lucene index (in {@code <dataDir>/search}, or in memory for an in-memory
 * store), {@code /api/datasets}, and the harvest hook that keeps the index in step. The index is checked against the
 * store at start and rebuilt in the background if stale; {@link #ready()} is false only while there is no index
 * yet (a first build), not while an existing one is refreshed.
 */
public final class SearchModule implements NodeModule, CatalogueListener {
    private SearchService service;

    @Override
    public String name() {
        return "search";
    }

    @Override
    public int order() {
        return 500;
    }

    @Override
    public void configure(NodeContext ctx, ResourceConfig jersey, FusekiServer.Builder server) {
        SearchIndex index = ctx.config().inMemoryStore() ? SearchIndex.inMemory()
                : SearchIndex.open(ctx.config().dataPath().resolve("search"));
        service = new SearchService(ctx.store(), index);
        jersey.register(new DatasetsResource(service));
    }

    @Override
    public void start(NodeContext ctx) {
        service.start();
    }

    @Override
    public boolean ready() {
        return service != null && service.ready();
    }

    @Override
    public void recordsChanged(String source, Set<String> changedDatasets, Set<String> removedDatasets) {
        Set<String> all = new LinkedHashSet<>(changedDatasets);
        all.addAll(removedDatasets);
        if (service != null && !all.isEmpty()) service.changed(all);
    }

    /** Available after {@link #configure}. */
    public SearchService service() {
        return service;
    }

    @Override
    public void stop() {
        if (service != null) service.close();
    }
}
