package de.hanse.sparql.federation;

import de.hanse.core.config.PeerConfig;
import de.hanse.core.http.OutboundHttp;
import de.hanse.core.store.NodeStore;
import de.hanse.sparql.federation.execution.HttpSourceClient;
import de.hanse.sparql.federation.execution.RequestScheduler;
import de.hanse.sparql.federation.peers.SourceRegistry;
import jakarta.servlet.Filter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.util.FmtUtils;

/**
 * A real federation on loopback: one Fuseki server per peer fixture ({@code src/test/resources/federation/<name>.ttl},
 * in-memory, port 0, with a request-counting filter), the node's own store (TDB2 in memory, data in named graphs),
 * the reference store holding the union of all data, and a {@link FederationEngine} over it all.
 */
final class FederationFixture implements AutoCloseable {
    final Map<String, FusekiServer> servers = new LinkedHashMap<>();
    final Map<String, AtomicInteger> requests = new LinkedHashMap<>();
    final List<PeerConfig> peers = new ArrayList<>();
    final NodeStore local = NodeStore.inMemory();
    final Dataset union = DatasetFactory.createTxnMem();
    final OutboundHttp http = new OutboundHttp(8);
    final RequestScheduler scheduler = new RequestScheduler(8, 1000);
    final FederationEngine engine;
    final SourceRegistry registry;

    FederationFixture(List<String> peerNames, String localName, List<PeerConfig> extraPeers) {
        for (String name : peerNames) {
            Model m = RDFDataMgr.loadModel("federation/" + name + ".ttl");
            union.getDefaultModel().add(m);
            AtomicInteger count = new AtomicInteger();
            Filter counter = (req, resp, chain) -> {
                count.incrementAndGet();
                chain.doFilter(req, resp);
            };
            DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
            org.apache.jena.graph.GraphUtil.addInto(dsg.getDefaultGraph(), m.getGraph());
            FusekiServer server = FusekiServer.create().port(0).loopback(true).add("/ds", dsg).addFilter("/*", counter).build().start();
            servers.put(name, server);
            requests.put(name, count);
            peers.add(new PeerConfig(name, endpoint(server), null, null, "sparql", Duration.ofSeconds(10), 4, null));
        }
        if (localName != null) {
            Model m = RDFDataMgr.loadModel("federation/" + localName + ".ttl");
            union.getDefaultModel().add(m);
            // Half the triples in each of two named graphs, as harvested records would be.
            List<org.apache.jena.graph.Triple> ts = m.getGraph().find().toList();
            Node g1 = NodeFactory.createURI("urn:hanse:record:a"), g2 = NodeFactory.createURI("urn:hanse:record:b");
            local.write(dsg -> {
                for (int i = 0; i < ts.size(); i++) dsg.add(i % 2 == 0 ? g1 : g2, ts.get(i).getSubject(), ts.get(i).getPredicate(), ts.get(i).getObject());
            });
        }
        peers.addAll(extraPeers);
        registry = new SourceRegistry(peers, localName != null);
        engine = new FederationEngine(registry, new HttpSourceClient(http, localName != null ? local : null, 64L << 20), scheduler,
                Duration.ofSeconds(20), 100_000, 1_000_000, Duration.ofMinutes(10));
    }

    static String endpoint(FusekiServer server) {
        return "http://127.0.0.1:" + server.getPort() + "/ds/sparql";
    }

    /** Solutions of {@code query} over the union store, as a sorted multiset of rows. */
    List<String> reference(String query) {
        try (QueryExec qe = QueryExec.dataset(union.asDatasetGraph()).query(query).build()) {
            RowSet rs = qe.select();
            List<Var> vars = rs.getResultVars();
            List<Binding> rows = new ArrayList<>();
            rs.forEachRemaining(rows::add);
            return normalise(vars, rows);
        }
    }

    List<String> federated(String query, boolean partial) {
        FederatedResult r = engine.execute(query, new FederationEngine.Options(partial, null, null));
        return normalise(r.vars(), r.rows());
    }

    static List<String> normalise(List<Var> vars, List<Binding> rows) {
        List<String> out = new ArrayList<>();
        for (Binding b : rows) {
            Map<String, String> m = new TreeMap<>();
            for (Var v : vars) m.put(v.getVarName(), b.get(v) == null ? "UNDEF" : FmtUtils.stringForNode(b.get(v)));
            out.add(m.toString());
        }
        out.sort(null);
        return out;
    }

    int totalPeerRequests() {
        return requests.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    void resetCounts() {
        requests.values().forEach(c -> c.set(0));
    }

    @Override
    public void close() {
        servers.values().forEach(FusekiServer::stop);
        scheduler.close();
        http.close();
        local.close();
    }
}
