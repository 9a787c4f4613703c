package de.hanse.bench.harvest;

import de.hanse.catalogue.CatalogueView;
import de.hanse.catalogue.search.extract.CatalogueRecords;
import de.hanse.core.store.NodeStore;
import de.hanse.harvest.pipeline.RecordStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * What the store's quad indexes mean for readers, after the first harvest: the reads the node makes over all
 * records (the catalogue view behind {@code /catalogue} and search, the search index's record list, a source's
 * records for the sweep), the diff lookup a re-harvest makes per record, per-record reads of a record graph and
 * its quality report, and the provenance queries of docs/sparql.md. Each is timed {@value #ROUNDS} times in a read
 * transaction; the fastest round is reported (the first one warms the page cache and the JIT).
 */
final class QuerySide {
    static final int ROUNDS = 3;

    private static final String PREFIXES = "PREFIX foaf: <http://xmlns.com/foaf/0.1/> PREFIX dct: <http://purl.org/dc/terms/> "
            + "PREFIX hanse: <https://w3id.org/hanse/ns#> PREFIX dqv: <http://www.w3.org/ns/dqv#> PREFIX dcat: <http://www.w3.org/ns/dcat#> ";

    private QuerySide() {}

    /** Operation name to the fastest round in milliseconds (and the size of its answer, as a check). */
    static Map<String, String> measure(NodeStore store, String source, List<Node> someRecords) {
        Map<String, String> out = new LinkedHashMap<>();
        for (var e : ops(store, source, someRecords).entrySet()) {
            long[] best = {Long.MAX_VALUE, -1};
            for (int i = 0; i < ROUNDS; i++) time(store, e.getValue(), best);
            out.put(e.getKey(), String.format(Locale.ROOT, "%.1f ms (%d)", best[0] / 1e6, best[1]));
            System.err.printf(Locale.ROOT, "  query side: %s: %.1f ms (%d)%n", e.getKey(), best[0] / 1e6, best[1]);
        }
        return out;
    }

    /**
     * The same reads on two stores holding the same quads, rounds interleaved (a, b, a, b, ...) so that a busy
     * neighbour slows both alike; one Markdown row per read: fastest round on each, and b / a.
     */
    static String compare(String nameA, NodeStore a, String nameB, NodeStore b, String source, List<Node> someRecords, int rounds) {
        var opsA = ops(a, source, someRecords);
        var opsB = ops(b, source, someRecords);
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "| read (fastest of %d, interleaved) | %s | %s | %s : %s |%n|---|---|---|---|%n",
                rounds, nameA, nameB, nameA, nameB));
        for (String op : opsA.keySet()) {
            long[] bestA = {Long.MAX_VALUE, -1}, bestB = {Long.MAX_VALUE, -1};
            for (int i = 0; i < rounds; i++) {
                time(a, opsA.get(op), bestA);
                time(b, opsB.get(op), bestB);
            }
            String row = String.format(Locale.ROOT, "| %s | %.1f ms (%d) | %.1f ms (%d) | %.2f |%n", op, bestA[0] / 1e6, bestA[1], bestB[0] / 1e6, bestB[1],
                    (double) bestA[0] / bestB[0]);
            System.err.print(row);
            sb.append(row);
        }
        return sb.toString();
    }

    private static void time(NodeStore store, Function<DatasetGraph, Long> op, long[] best) {
        long t0 = System.nanoTime();
        best[1] = store.read(op);
        best[0] = Math.min(best[0], System.nanoTime() - t0);
    }

    private static Map<String, Function<DatasetGraph, Long>> ops(NodeStore store, String source, List<Node> someRecords) {
        Map<String, Function<DatasetGraph, Long>> ops = new LinkedHashMap<>();
        ops.put("catalogue view (3 scans of urn:hanse:meta by predicate)", dsg -> (long) CatalogueView.entries(dsg, null).size());
        ops.put("search: all datasets (urn:hanse:meta by foaf:primaryTopic)", dsg -> (long) CatalogueRecords.datasets(dsg).size());
        ops.put("sweep: records of the source (meta, P and O bound)", dsg -> (long) RecordStore.recordsOf(dsg, source).size());
        ops.put("diff lookup: stored hash and page, 1,000 records", dsg -> {
            long n = 0;
            for (Node r : someRecords) if (RecordStore.stored(dsg, r).hash() != null) n++;
            return n;
        });
        ops.put("search: records of 1,000 datasets (meta, P and O bound)", dsg -> {
            long n = 0;
            for (Node r : someRecords) {
                Node ds = CatalogueRecords.one(dsg, de.hanse.core.vocab.Hanse.META, r, de.hanse.core.vocab.Vocab.FOAF_primaryTopic);
                n += CatalogueRecords.records(dsg, ds).size();
            }
            return n;
        });
        ops.put("record graph, title by predicate, 1,000 records", dsg -> {
            long n = 0;
            Node title = org.apache.jena.graph.NodeFactory.createURI("http://purl.org/dc/terms/title");
            for (Node r : someRecords) n += count(dsg.find(r, Node.ANY, title, Node.ANY));
            return n;
        });
        ops.put("quality report, score by predicate, 1,000 records", dsg -> {
            long n = 0;
            for (Node r : someRecords) n += count(dsg.find(RecordStore.qualityGraph(r), Node.ANY, de.hanse.core.vocab.Hanse.p("score"), Node.ANY));
            return n;
        });
        ops.put("SPARQL: datasets per source (docs/sparql.md)", dsg -> select(store, "SELECT ?city (COUNT(DISTINCT ?dataset) AS ?datasets) WHERE { "
                + "GRAPH <urn:hanse:meta> { ?record foaf:primaryTopic ?dataset ; hanse:source ?source . ?source dct:title ?city } } GROUP BY ?city"));
        ops.put("SPARQL: records that failed validation, top 50", dsg -> select(store, "SELECT ?dataset ?conforms ?violations WHERE { "
                + "GRAPH <urn:hanse:meta> { ?record foaf:primaryTopic ?dataset ; hanse:conforms ?conforms ; hanse:violations ?violations } } "
                + "ORDER BY DESC(?violations) LIMIT 50"));
        ops.put("SPARQL: quality scores per dimension, lowest 50", dsg -> select(store, "SELECT ?dataset ?score ?metric ?value WHERE { "
                + "GRAPH <urn:hanse:meta> { ?record foaf:primaryTopic ?dataset ; dqv:hasQualityMetadata ?qg } "
                + "GRAPH ?qg { ?report hanse:score ?score . ?m dqv:isMeasurementOf ?metric ; dqv:value ?value } } ORDER BY ?score ?dataset ?metric LIMIT 50"));
        ops.put("SPARQL: datasets by theme (union graph)", dsg -> select(store,
                "SELECT ?theme (COUNT(DISTINCT ?dataset) AS ?n) WHERE { ?dataset a dcat:Dataset ; dcat:theme ?theme } GROUP BY ?theme"));
        return ops;
    }

    /** Up to 1,000 record IRIs spread over the source's records. */
    static List<Node> sample(NodeStore store, String source) {
        List<Node> all = store.read(dsg -> RecordStore.recordsOf(dsg, source));
        List<Node> out = new ArrayList<>();
        int step = Math.max(1, all.size() / 1000);
        for (int i = 0; i < all.size() && out.size() < 1000; i += step) out.add(all.get(i));
        return out;
    }

    private static long count(java.util.Iterator<?> it) {
        long n = 0;
        while (it.hasNext()) {
            it.next();
            n++;
        }
        return n;
    }

    private static long select(NodeStore store, String query) {
        try (var qe = QueryExecutionFactory.create(PREFIXES + query, store.dataset())) {
            long n = 0;
            var rs = qe.execSelect();
            while (rs.hasNext()) {
                rs.next();
                n++;
            }
            return n;
        }
    }
}
