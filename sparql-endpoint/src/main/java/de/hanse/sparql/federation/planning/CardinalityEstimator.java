package de.hanse.sparql.federation.planning;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import de.hanse.sparql.federation.execution.QueryRun;
import de.hanse.sparql.federation.peers.Source;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;

/**
 * Cardinality estimates from COUNT probes, cached (Caffeine, TTL, dropped when peers change). A cluster's estimate is,
 * per source, the smallest count of its patterns, summed over its sources; a cluster with pushed filters is counted
 * exactly (filter selectivity cannot be guessed, and it decides which side to start from). Thread-safe.
 */
public final class CardinalityEstimator {
    private final Cache<String, Long> counts;

    public CardinalityEstimator(Duration ttl, long maxEntries) {
        this.counts = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maxEntries).recordStats().build();
    }

    public void invalidateAll() {
        generation.incrementAndGet();
        counts.invalidateAll();
    }

    /** The clusters with their estimates, probing (in one parallel round) the counts not yet cached. */
    /** Moves on with every {@link #invalidateAll}; keys carry the generation their query started in (see SummaryService). */
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

    public List<Cluster> estimate(List<Cluster> clusters, QueryRun run) {
        long gen = generation.get();
        Map<String, QueryRun.Call> todo = new LinkedHashMap<>();
        for (Cluster c : clusters)
            for (Source s : c.sources()) {
                if (!c.filters().isEmpty()) {
                    Query q = Subqueries.count(c.patterns(), c.filters());
                    String k = key(gen, s, q);
                    if (counts.getIfPresent(k) == null) todo.putIfAbsent(k, new QueryRun.Call(s, q));
                    continue;
                }
                for (Triple t : c.patterns()) {
                    String k = key(gen, s, t);
                    if (counts.getIfPresent(k) == null) todo.putIfAbsent(k, new QueryRun.Call(s, Subqueries.count(t)));
                }
            }
        if (!todo.isEmpty()) {
            List<String> keys = new ArrayList<>(todo.keySet());
            List<List<Binding>> answers = run.selectAll(new ArrayList<>(todo.values()));
            for (int i = 0; i < keys.size(); i++) {
                Source s = todo.get(keys.get(i)).source();
                if (run.missingPeers().contains(s.id())) continue;
                counts.put(keys.get(i), count(answers.get(i)));
            }
        }
        List<Cluster> out = new ArrayList<>();
        for (Cluster c : clusters) {
            long total = 0;
            for (Source s : c.sources()) {
                if (!c.filters().isEmpty()) {
                    Long n = counts.getIfPresent(key(gen, s, Subqueries.count(c.patterns(), c.filters())));
                    total += n == null ? 0 : n;
                    continue;
                }
                long min = Long.MAX_VALUE;
                for (Triple t : c.patterns()) {
                    Long n = counts.getIfPresent(key(gen, s, t));
                    min = Math.min(min, n == null ? 0 : n);
                }
                total += min == Long.MAX_VALUE ? 0 : min;
            }
            out.add(c.withEstimate(total));
        }
        return out;
    }

    private static long count(List<Binding> rows) {
        if (rows.isEmpty()) return 0;
        var n = rows.get(0).get(Var.alloc("c"));
        try {
            return n == null ? 0 : Long.parseLong(n.getLiteralLexicalForm());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String key(long gen, Source s, Query q) {
        return gen + " " + s.id() + " " + s.endpoint() + " " + q;
    }

    private static String key(long gen, Source s, Triple t) {
        return gen + " " + s.id() + " " + s.endpoint() + " " + term(t.getSubject()) + " " + term(t.getPredicate()) + " " + term(t.getObject());
    }

    private static String term(org.apache.jena.graph.Node n) {
        return Var.isVar(n) ? "?" : n.toString();
    }

    /** Registers the cache as {@code cache="sparql-cardinality-probes"}. */
    public void bindTo(MeterRegistry registry) {
        CaffeineCacheMetrics.monitor(registry, counts, "sparql-cardinality-probes");
    }
}
