package de.hanse.bench.sparql;

import de.hanse.core.config.PeerConfig;
import de.hanse.core.http.OutboundHttp;
import de.hanse.sparql.federation.FederatedResult;
import de.hanse.sparql.federation.FederationEngine;
import de.hanse.sparql.federation.execution.HttpSourceClient;
import de.hanse.sparql.federation.execution.RequestScheduler;
import de.hanse.sparql.federation.peers.SourceRegistry;
import jakarta.servlet.Filter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.compose.MultiUnion;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.util.FmtUtils;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.eclipse.rdf4j.federated.FedXConfig;
import org.eclipse.rdf4j.federated.FedXFactory;
import org.eclipse.rdf4j.federated.repository.FedXRepository;
import org.eclipse.rdf4j.query.TupleQuery;
import org.eclipse.rdf4j.query.TupleQueryResult;
import org.eclipse.rdf4j.repository.RepositoryConnection;

/**
 * Runs FedX and Hanse's federated engine on the same generated federation (five Fuseki endpoints on loopback, each
 * counting the requests it receives), warm, several repetitions; prints a Markdown table of median times, requests
 * and result counts. Every query is also run over one in-memory store holding the union of all five graphs (the
 * reference answer): FedX's row count and Hanse's full solution multiset are compared with it. Arguments:
 * {@code [scale=1.0] [reps=3] [seed=42] [timeoutSeconds=120] [queryPrefix]} (only queries whose name starts with
 * {@code queryPrefix}, e.g. {@code Q9}, for profiling one query).
 */
public final class FederationBench {
    record Measure(long coldMs, int coldRequests, List<Long> warmMs, int warmRequests, long rows, String error) {
        long median() {
            if (warmMs.isEmpty()) return -1;
            List<Long> s = new ArrayList<>(warmMs);
            s.sort(null);
            return s.get(s.size() / 2);
        }
    }

    interface Engine {
        long run(String query) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        double scale = args.length > 0 ? Double.parseDouble(args[0]) : 1.0;
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
        int timeout = args.length > 3 ? Integer.parseInt(args[3]) : 120;
        String only = args.length > 4 ? args[4] : "";

        long t0 = System.nanoTime();
        Map<String, Graph> graphs = new DataGenerator(seed, scale).generate();
        long triples = graphs.values().stream().mapToLong(Graph::size).sum();
        System.out.printf("generated %,d triples in %d ms (%s)%n", triples, (System.nanoTime() - t0) / 1_000_000, sizes(graphs));

        AtomicInteger requests = new AtomicInteger();
        Filter counter = (req, resp, chain) -> {
            requests.incrementAndGet();
            chain.doFilter(req, resp);
        };
        List<FusekiServer> servers = new ArrayList<>();
        List<String> endpoints = new ArrayList<>();
        List<PeerConfig> peers = new ArrayList<>();
        for (Map.Entry<String, Graph> e : graphs.entrySet()) {
            FusekiServer s = FusekiServer.create().port(0).loopback(true).add("/ds", DatasetGraphFactory.wrap(e.getValue()))
                    .addFilter("/*", counter).build().start();
            servers.add(s);
            String url = "http://127.0.0.1:" + s.getPort() + "/ds/sparql";
            endpoints.add(url);
            peers.add(new PeerConfig(e.getKey(), url, null, null, "sparql", Duration.ofSeconds(timeout), 8, null));
        }

        OutboundHttp http = new OutboundHttp(16);
        RequestScheduler scheduler = new RequestScheduler(16, 4096);
        FederationEngine hanse = new FederationEngine(new SourceRegistry(peers, false), new HttpSourceClient(http, null, 1L << 30),
                scheduler, Duration.ofSeconds(timeout), 10_000_000, 10_000_000, Duration.ofHours(1));
        FedXRepository fedx = FedXFactory.newFederation().withSparqlEndpoints(endpoints)
                .withConfig(new FedXConfig().withEnforceMaxQueryTime(timeout)).create();
        fedx.init();

        Engine hanseEngine = q -> {
            FederatedResult r = hanse.execute(q, new FederationEngine.Options(false, null, null));
            return r.rows().size();
        };
        Engine fedxEngine = q -> {
            try (RepositoryConnection c = fedx.getConnection()) {
                TupleQuery tq = c.prepareTupleQuery(q);
                tq.setMaxExecutionTime(timeout);
                long n = 0;
                try (TupleQueryResult res = tq.evaluate()) {
                    while (res.hasNext()) {
                        res.next();
                        n++;
                    }
                }
                return n;
            }
        };

        Map<String, String> queries = new LinkedHashMap<>(BenchQueries.all());
        queries.keySet().removeIf(k -> !k.startsWith(only));
        DatasetGraph union = DatasetGraphFactory.wrap(new MultiUnion(graphs.values().toArray(new Graph[0])));
        Map<String, Measure[]> results = new LinkedHashMap<>();
        for (Map.Entry<String, String> q : queries.entrySet()) {
            String text = BenchQueries.PREFIXES + q.getValue();
            Measure f = measure(fedxEngine, text, reps, requests);
            Measure h = measure(hanseEngine, text, reps, requests);
            results.put(q.getKey(), new Measure[] {f, h});
            System.out.printf("%-58s FedX %7d ms %6d req %7d rows | Hanse %7d ms %6d req %7d rows%s%n", q.getKey(), f.median(),
                    f.warmRequests(), f.rows(), h.median(), h.warmRequests(), h.rows(),
                    f.rows() >= 0 && h.rows() >= 0 && f.rows() != h.rows() ? "  ROW COUNTS DIFFER" : "");
        }
        Map<String, Object> plans = new LinkedHashMap<>();
        Map<String, Reference> references = new LinkedHashMap<>();
        for (Map.Entry<String, String> q : queries.entrySet()) {
            String text = BenchQueries.PREFIXES + q.getValue();
            FederatedResult r = hanse.execute(text, new FederationEngine.Options(false, null, null));
            plans.put(q.getKey(), Map.of("requests", r.run().requestCounts(), "plan", r.run().trace().events()));
            List<String> expected = reference(union, text);
            boolean same = expected.equals(normalise(r.vars(), r.rows()));
            references.put(q.getKey(), new Reference(expected.size(), same));
            if (!same) System.out.println(q.getKey() + ": Hanse's solutions differ from the union store's");
        }
        java.nio.file.Path planFile = java.nio.file.Path.of("target", "hanse-plans.json");
        new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(planFile.toFile(), plans);
        System.out.println();
        String report = Report.markdown(results, references, triples, scale, reps, seed);
        System.out.println(report);
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "results.md"), report);
        System.out.println("Hanse's plans (explain) written to " + planFile);
        fedx.shutDown();
        scheduler.close();
        http.close();
        servers.forEach(FusekiServer::stop);
        System.exit(0);
    }

    /** The union store's answer: row count, and whether Hanse returned exactly the same multiset of solutions. */
    record Reference(long rows, boolean hanseSame) {}

    static List<String> reference(DatasetGraph union, String query) {
        try (QueryExec qe = QueryExec.dataset(union).query(query).build()) {
            RowSet rs = qe.select();
            List<Var> vars = rs.getResultVars();
            List<Binding> rows = new ArrayList<>();
            rs.forEachRemaining(rows::add);
            return normalise(vars, rows);
        }
    }

    /** Rows as sorted strings (a multiset), so two answers compare regardless of order. */
    static List<String> normalise(List<Var> vars, List<Binding> rows) {
        List<String> out = new ArrayList<>(rows.size());
        for (Binding b : rows) {
            StringBuilder line = new StringBuilder();
            for (Var v : vars) line.append(v.getVarName()).append('=').append(b.get(v) == null ? "UNDEF" : FmtUtils.stringForNode(b.get(v))).append(' ');
            out.add(line.toString());
        }
        out.sort(null);
        return out;
    }

    private static String sizes(Map<String, Graph> graphs) {
        StringBuilder b = new StringBuilder();
        graphs.forEach((k, g) -> b.append(b.length() > 0 ? ", " : "").append(k).append(' ').append(String.format("%,d", g.size())));
        return b.toString();
    }

    static Measure measure(Engine engine, String query, int reps, AtomicInteger requests) {
        long rows = -1;
        List<Long> warm = new ArrayList<>();
        int warmRequests = 0;
        requests.set(0);
        long start = System.nanoTime();
        try {
            rows = engine.run(query);
        } catch (Exception e) {
            return new Measure((System.nanoTime() - start) / 1_000_000, requests.get(), List.of(), 0, -1, e.toString());
        }
        long coldMs = (System.nanoTime() - start) / 1_000_000;
        int coldRequests = requests.get();
        // A run slower than 30 s gets a single warm repetition, so the whole benchmark stays within minutes.
        int n = coldMs > 30_000 ? 1 : reps;
        for (int i = 0; i < n; i++) {
            requests.set(0);
            long s = System.nanoTime();
            try {
                long got = engine.run(query);
                if (got != rows) return new Measure(coldMs, coldRequests, warm, warmRequests, -1, "row count changed: " + got + " vs " + rows);
            } catch (Exception e) {
                return new Measure(coldMs, coldRequests, warm, warmRequests, rows, e.toString());
            }
            warm.add((System.nanoTime() - s) / 1_000_000);
            warmRequests = requests.get();
        }
        return new Measure(coldMs, coldRequests, warm, warmRequests, rows, null);
    }
}
