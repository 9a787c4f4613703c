package de.hanse.core.config;

import java.time.Duration;

/**
 * Where the catalogue lives.
 *
 * @param mode         {@code tdb2} (default): the node's own TDB2 in {@code dataDir}; {@code remote}: an external
 *                     SPARQL 1.1 store (Fuseki) shared by several replicas, each keeping an in-memory read replica of it
 * @param url          base URL of the remote dataset, e.g. {@code http://fuseki:3030/hanse}; {@code query} and
 *                     {@code update} default to {@code <url>/query} and {@code <url>/update} (Fuseki's names)
 * @param query        SPARQL 1.1 Query endpoint (default {@code <url>/query})
 * @param update       SPARQL 1.1 Update endpoint (default {@code <url>/update})
 * @param timeout      deadline of one request to the remote store (default 10 s)
 * @param syncInterval how often a replica polls the remote store for changes (default 30 s)
 * @param writer       whether this replica may write the remote store: run harvests and their schedules (default
 *                     {@code false}; exactly one replica, or the harvest CronJob, sets it)
 * @param auth         credentials sent to the remote store: {@code none} (default) or {@code client-credentials}
 */
public record StoreConfig(String mode, String url, String query, String update, Duration timeout, Duration syncInterval,
                          Boolean writer, PeerAuthConfig auth) {
    public StoreConfig {
        mode = Check.orDefault(mode, "tdb2");
        if (!java.util.Set.of("tdb2", "remote").contains(mode))
            throw ConfigException.invalid("store.mode", "'" + mode + "' is not one of tdb2, remote");
        timeout = Check.positive("store.timeout", Check.orDefault(timeout, Duration.ofSeconds(10)));
        syncInterval = Check.positive("store.syncInterval", Check.orDefault(syncInterval, Duration.ofSeconds(30)));
        writer = Check.orDefault(writer, false);
        auth = Check.orDefault(auth, PeerAuthConfig.none());
        if (auth.mode().equals("relay"))
            throw ConfigException.invalid("store.auth.mode", "'relay' makes no sense for the store (there is no caller); use none or client-credentials");
        if (mode.equals("remote")) {
            String root = url == null ? null : Check.url("store.url", url, false).replaceAll("/+$", "");
            if (root == null && (query == null || update == null))
                throw ConfigException.invalid("store.url", "is required for mode remote (or give both store.query and store.update)");
            query = Check.url("store.query", query != null ? query : root + "/query", false);
            update = Check.url("store.update", update != null ? update : root + "/update", false);
        } else if (url != null || query != null || update != null) {
            throw ConfigException.invalid("store.url", "store.url, store.query and store.update apply only to mode remote");
        }
    }

    public static StoreConfig defaults() {
        return new StoreConfig(null, null, null, null, null, null, null, null);
    }

    /** A remote store at {@code url} (a Fuseki dataset base), with every other setting at its default. */
    public static StoreConfig remote(String url, boolean writer) {
        return new StoreConfig("remote", url, null, null, null, null, writer, null);
    }

    /** The same store with {@code writer: true} (the harvest job is the writer whatever the replicas' setting). */
    public StoreConfig asWriter() {
        return new StoreConfig(mode, url, query, update, timeout, syncInterval, true, auth);
    }

    public boolean remote() {
        return mode.equals("remote");
    }
}
