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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.algebra.OpAsQuery;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.core.BasicPattern;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.vocabulary.RDF;

/**
 * Decides, per triple pattern, which sources may hold matches. First the source's {@link SourceSummary} (predicate,
 * class and authority of bound terms) rules sources out without a request; then a pattern with a bound subject or
 * object is confirmed with an ASK probe, whose answer is cached (Caffeine, TTL, dropped when peers change). Sources
 * without a summary are probed with ASK for every pattern (FedX's method). Thread-safe.
 */
public final class SourceSelector {
    private final Cache<String, Boolean> asks;

    public SourceSelector(Duration ttl, long maxEntries) {
        this.asks = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maxEntries).recordStats().build();
    }

    /** Moves on with every {@link #invalidateAll}; keys carry the generation their query started in (see SummaryService). */
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

    public void invalidateAll() {
        generation.incrementAndGet();
        asks.invalidateAll();
    }

    /** Candidate sources per pattern, in the order of {@code patterns}. */
    public Map<Triple, List<Candidate>> select(List<Triple> patterns, List<Source> sources,
                                              Map<Source, SourceSummary> summaries, QueryRun run) {
        long gen = generation.get();
        Map<Triple, List<Candidate>> out = new LinkedHashMap<>();
        Map<String, QueryRun.Call> probes = new LinkedHashMap<>();
        Map<Triple, List<Candidate>> pending = new HashMap<>();
        for (Triple tp : patterns) {
            List<Candidate> cands = new ArrayList<>();
            for (Source s : sources) {
                Candidate c = fromSummary(tp, s, summaries.get(s));
                if (c == null) continue;
                cands.add(c);
                boolean needsAsk = summaries.get(s) == null || tp.getSubject().isConcrete()
                        || (tp.getObject().isConcrete() && !isTypePattern(tp));
                String key = askKey(gen, s, tp);
                if (needsAsk && asks.getIfPresent(key) == null) probes.put(key, new QueryRun.Call(s, askQuery(tp)));
            }
            pending.put(tp, cands);
        }
        if (!probes.isEmpty()) {
            List<String> keys = new ArrayList<>(probes.keySet());
            List<Boolean> answers = run.askAll(new ArrayList<>(probes.values()));
            for (int i = 0; i < keys.size(); i++)
                if (!run.missingPeers().contains(probes.get(keys.get(i)).source().id())) asks.put(keys.get(i), answers.get(i));
        }
        for (Triple tp : patterns) {
            List<Candidate> kept = new ArrayList<>();
            for (Candidate c : pending.get(tp)) {
                if (run.missingPeers().contains(c.source().id())) continue;
                Boolean ask = asks.getIfPresent(askKey(gen, c.source(), tp));
                if (ask == null || ask) kept.add(c);
            }
            out.put(tp, kept);
        }
        return out;
    }

    static boolean isTypePattern(Triple tp) {
        return tp.getPredicate().equals(RDF.type.asNode()) && tp.getObject().isURI();
    }

    /** Null when the summary rules the source out; otherwise the tokens each variable may take there. */
    static Candidate fromSummary(Triple tp, Source s, SourceSummary sum) {
        if (sum == null) return new Candidate(s, Map.of());
        Node p = tp.getPredicate();
        Set<String> st, ot, pt;
        if (isTypePattern(tp)) {
            st = sum.classes().get(tp.getObject());
            if (st == null) return null;
            ot = Set.of(Tokens.of(tp.getObject()));
            pt = Set.of(Tokens.of(p));
        } else if (p.isConcrete()) {
            SourceSummary.Positions pos = sum.predicates().get(p);
            if (pos == null) return null;
            st = pos.subjects();
            ot = pos.objects();
            pt = Set.of(Tokens.of(p));
        } else {
            if (sum.predicates().isEmpty()) return null;
            SourceSummary.Positions any = sum.any();
            st = any.subjects();
            ot = any.objects();
            pt = sum.predicateTokens();
        }
        if (tp.getSubject().isConcrete() && !st.contains(Tokens.of(tp.getSubject()))) return null;
        if (tp.getObject().isConcrete() && !ot.contains(Tokens.of(tp.getObject()))) return null;
        Map<Var, Set<String>> tokens = new HashMap<>();
        put(tokens, tp.getSubject(), st);
        put(tokens, tp.getPredicate(), pt);
        put(tokens, tp.getObject(), ot);
        return new Candidate(s, tokens);
    }

    private static void put(Map<Var, Set<String>> tokens, Node n, Set<String> t) {
        if (!Var.isVar(n)) return;
        Var v = Var.alloc(n);
        Set<String> prev = tokens.get(v);
        if (prev == null) tokens.put(v, t);
        else {
            Set<String> both = new HashSet<>(prev);
            both.retainAll(t);
            tokens.put(v, both);
        }
    }

    private static String askKey(long gen, Source s, Triple tp) {
        return gen + " " + s.id() + " " + s.endpoint() + " " + generic(tp);
    }

    /** The pattern with variables renamed by position, so equal shapes share a cache entry. */
    private static String generic(Triple tp) {
        return term(tp.getSubject(), "?s") + " " + term(tp.getPredicate(), "?p") + " " + term(tp.getObject(), "?o");
    }

    private static String term(Node n, String varName) {
        return Var.isVar(n) ? varName : n.toString();
    }

    static Query askQuery(Triple tp) {
        BasicPattern bp = new BasicPattern();
        bp.add(tp);
        Query q = OpAsQuery.asQuery(new OpBGP(bp));
        q.setQueryAskType();
        return q;
    }

    /** Registers the cache as {@code cache="sparql-ask-probes"}. */
    public void bindTo(MeterRegistry registry) {
        CaffeineCacheMetrics.monitor(registry, asks, "sparql-ask-probes");
    }
}
