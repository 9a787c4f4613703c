package de.hanse.core.store.remote;

import de.hanse.core.config.StoreConfig;

/**
 * The external SPARQL store that several replicas share ({@code store.mode: remote}): the HTTP client and this
 * node's {@link RemotePublisher}. Created by the composition root; its local read replica is a
 * {@link de.hanse.core.store.NodeStore} made with {@link de.hanse.core.store.NodeStore#replicaOf}. Thread-safe.
 */
public final class RemoteStore implements AutoCloseable {
    private final SparqlHttp sparql;
    private final RemotePublisher publisher;

    public RemoteStore(StoreConfig config, String nodeName) {
        this.sparql = new SparqlHttp(config);
        this.publisher = new RemotePublisher(sparql, config.writer(), nodeName);
    }

    public StoreConfig config() {
        return sparql.config();
    }

    public SparqlHttp sparql() {
        return sparql;
    }

    public RemotePublisher publisher() {
        return publisher;
    }

    @Override
    public void close() {
        sparql.close();
    }
}
