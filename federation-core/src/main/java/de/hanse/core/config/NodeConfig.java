package de.hanse.core.config;

import java.nio.file.Path;
import java.util.List;

/**
 * The whole configuration of one node, read once at start-up by {@link ConfigLoader} and immutable afterwards.
 *
 * @param name     node name, used in the data directory, provenance and the NGSI-LD source identity (required)
 * @param port     HTTP port; {@code 0} picks a free one (default 8080)
 * @param bind     address to bind (default {@code 127.0.0.1}; use {@code 0.0.0.0} in containers)
 * @param baseUrl  public base URL of this node, used in exported links (default {@code http://<bind>:<port>/})
 * @param dataDir  TDB2 directory; {@code memory} for an in-memory store (default {@code ./data/<name>})
 * @param sparql   SPARQL endpoint limits
 * @param catalogue catalogue export settings
 * @param harvest  harvest sources
 * @param peers    peer nodes and third-party brokers this node federates
 * @param auth     inbound token verification and permissions
 * @param ngsild   NGSI-LD broker and federation settings
 * @param logging  log format
 * @param store    where the catalogue lives: own TDB2 (default) or a remote SPARQL store shared by replicas
 */
public record NodeConfig(
        String name,
        Integer port,
        String bind,
        String baseUrl,
        String dataDir,
        SparqlConfig sparql,
        CatalogueConfig catalogue,
        HarvestConfig harvest,
        List<PeerConfig> peers,
        AuthConfig auth,
        NgsiLdConfig ngsild,
        LoggingConfig logging,
        StoreConfig store) {

    public static final String MEMORY = "memory";

    public NodeConfig {
        name = Check.name("name", name);
        port = Check.port("port", Check.orDefault(port, 8080));
        bind = Check.orDefault(bind, "127.0.0.1");
        dataDir = Check.orDefault(dataDir, "./data/" + name);
        if (baseUrl != null) Check.url("baseUrl", baseUrl, false);
        sparql = Check.orDefault(sparql, SparqlConfig.defaults());
        catalogue = Check.orDefault(catalogue, CatalogueConfig.defaults());
        harvest = Check.orDefault(harvest, HarvestConfig.defaults());
        peers = List.copyOf(Check.orDefault(peers, List.of()));
        auth = Check.orDefault(auth, AuthConfig.disabled());
        ngsild = Check.orDefault(ngsild, NgsiLdConfig.defaults());
        logging = Check.orDefault(logging, LoggingConfig.defaults());
        store = Check.orDefault(store, StoreConfig.defaults());
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < peers.size(); i++)
            if (!seen.add(peers.get(i).name()))
                throw ConfigException.invalid("peers[" + i + "].name", "duplicate peer name '" + peers.get(i).name() + "'");
    }

    /** A minimal in-memory configuration, for tests and the demo. */
    public static NodeConfig inMemory(String name) {
        return new NodeConfig(name, 0, null, null, MEMORY, null, null, null, null, null, null, null, null);
    }

    /** In memory: {@code dataDir: memory}, or a remote store (whose local read replica is always in memory). */
    public boolean inMemoryStore() {
        return MEMORY.equals(dataDir) || store.remote();
    }

    public Path dataPath() {
        return Path.of(dataDir);
    }

    public NodeConfig withPort(int newPort) {
        return new NodeConfig(name, newPort, bind, baseUrl, dataDir, sparql, catalogue, harvest, peers, auth, ngsild, logging, store);
    }

    public NodeConfig withHarvest(HarvestConfig h) {
        return new NodeConfig(name, port, bind, baseUrl, dataDir, sparql, catalogue, h, peers, auth, ngsild, logging, store);
    }

    public NodeConfig withPeers(List<PeerConfig> p) {
        return new NodeConfig(name, port, bind, baseUrl, dataDir, sparql, catalogue, harvest, p, auth, ngsild, logging, store);
    }

    public NodeConfig withAuth(AuthConfig a) {
        return new NodeConfig(name, port, bind, baseUrl, dataDir, sparql, catalogue, harvest, peers, a, ngsild, logging, store);
    }

    public NodeConfig withDataDir(String d) {
        return new NodeConfig(name, port, bind, baseUrl, d, sparql, catalogue, harvest, peers, auth, ngsild, logging, store);
    }

    public NodeConfig withStore(StoreConfig s) {
        return new NodeConfig(name, port, bind, baseUrl, dataDir, sparql, catalogue, harvest, peers, auth, ngsild, logging, s);
    }
}
