package de.hanse.sparql.federation.selection;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import de.hanse.sparql.federation.execution.QueryRun;
import de.hanse.sparql.federation.peers.Source;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;

/**
 * Builds and caches {@link SourceSummary}s with two aggregate queries per source (predicates with subject/object
 * authority tokens; classes with instance tokens). Built lazily by the first query that needs them (or by a warm-up)
 * and kept for a TTL; a source whose summary cannot be built is selected by ASK probes alone and retried after a
 * minute. Thread-safe.
 */
public final class SummaryService {
    static final Query PREDICATES = QueryFactory.create("SELECT DISTINCT ?p ?sa ?oa WHERE { ?s ?p ?o BIND("
            + Tokens.sparqlExpr("?s") + " AS ?sa) BIND(" + Tokens.sparqlExpr("?o") + " AS ?oa) }");
    static final Query CLASSES = QueryFactory.create("SELECT DISTINCT ?c ?sa WHERE { ?s a ?c BIND("
            + Tokens.sparqlExpr("?s") + " AS ?sa) }");

    private final Cache<String, SourceSummary> summaries;
    private final Cache<String, Boolean> failed = Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(1)).maximumSize(1000).build();

    public SummaryService(Duration ttl) {
        this.summaries = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(1000).recordStats().build();
    }

    /**
     * Moves on with every {@link #invalidateAll}: entries are keyed under the generation their fetch started in, so
     * a fetch still under way when the caches are dropped (the start-up warm-up while the local store is written)
     * lands under the old generation and is never read again, instead of bringing back a summary of old data.
     */
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

    private static String key(long generation, Source s) {
        return generation + " " + s.id() + " " + s.endpoint();
    }

    /** Summaries for the sources that have one (fetching missing ones in parallel); absent sources have none. */
    public Map<Source, SourceSummary> summaries(List<Source> sources, QueryRun run) {
        Map<Source, SourceSummary> out = new HashMap<>();
        long gen = generation.get();
        List<Source> todo = new ArrayList<>();
        for (Source s : sources) {
            SourceSummary sum = summaries.getIfPresent(key(gen, s));
            if (sum != null) out.put(s, sum);
            else if (failed.getIfPresent(key(gen, s)) == null) todo.add(s);
        }
        if (todo.isEmpty()) return out;
        List<QueryRun.Call> calls = new ArrayList<>();
        for (Source s : todo) {
            calls.add(new QueryRun.Call(s, PREDICATES));
            calls.add(new QueryRun.Call(s, CLASSES));
        }
        List<List<Binding>> answers = run.selectAllSilently(calls);
        for (int i = 0; i < todo.size(); i++) {
            Source s = todo.get(i);
            List<Binding> preds = answers.get(2 * i);
            List<Binding> classes = answers.get(2 * i + 1);
            if (preds == null || classes == null) {
                failed.put(key(gen, s), Boolean.TRUE);
                continue;
            }
            SourceSummary sum = build(preds, classes);
            summaries.put(key(gen, s), sum);
            out.put(s, sum);
        }
        return out;
    }

    static SourceSummary build(List<Binding> preds, List<Binding> classes) {
        SourceSummary.Builder b = new SourceSummary.Builder();
        Var p = Var.alloc("p"), sa = Var.alloc("sa"), oa = Var.alloc("oa"), c = Var.alloc("c");
        for (Binding row : preds)
            if (row.get(p) != null && row.get(sa) != null && row.get(oa) != null)
                b.predicate(row.get(p), row.get(sa).getLiteralLexicalForm(), row.get(oa).getLiteralLexicalForm());
        for (Binding row : classes)
            if (row.get(c) != null && row.get(sa) != null) b.type(row.get(c), row.get(sa).getLiteralLexicalForm());
        return b.build();
    }

    public void invalidateAll() {
        generation.incrementAndGet();
        summaries.invalidateAll();
        failed.invalidateAll();
    }

    /** Registers the cache as {@code cache="sparql-summaries"}. */
    public void bindTo(MeterRegistry registry) {
        CaffeineCacheMetrics.monitor(registry, summaries, "sparql-summaries");
    }
}
