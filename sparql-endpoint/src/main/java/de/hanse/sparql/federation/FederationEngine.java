package de.hanse.sparql.federation;

import de.hanse.core.http.CallContext;
import de.hanse.core.http.Problem;
import de.hanse.core.http.ProblemException;
import de.hanse.sparql.federation.execution.BgpEvaluator;
import de.hanse.sparql.federation.execution.FederatedOpExecutor;
import de.hanse.sparql.federation.execution.OpFederatedBgp;
import de.hanse.sparql.federation.execution.QueryRun;
import de.hanse.sparql.federation.execution.RequestScheduler;
import de.hanse.sparql.federation.execution.SourceClient;
import de.hanse.sparql.federation.peers.Source;
import de.hanse.sparql.federation.peers.SourceRegistry;
import de.hanse.sparql.federation.planning.BgpPlanner;
import de.hanse.sparql.federation.planning.CardinalityEstimator;
import de.hanse.sparql.federation.planning.NeededVars;
import de.hanse.sparql.federation.planning.QueryRewriter;
import de.hanse.sparql.federation.selection.SourceSelector;
import de.hanse.sparql.federation.selection.SummaryService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphZero;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.iterator.QueryIterRoot;
import org.apache.jena.sparql.engine.main.QC;

/**
 * Answers SPARQL queries over the federation: parses with ARQ, compiles to algebra, rewrites BGPs / SERVICE into
 * federated operators ({@link QueryRewriter}) and lets ARQ evaluate the rest locally with {@link FederatedOpExecutor}.
 * Holds the node-wide caches (summaries, ASK and COUNT probes), dropped when the peers change.
 *
 * <p>Thread-safe: each query gets its own {@link QueryRun}; caches and the scheduler are shared.
 */
public final class FederationEngine {
    /** Per-request options: partial answers, explain, and the caller's identity for relayed auth. */
    public record Options(boolean partial, String callerAuthorization, String traceparent) {}

    private final SourceRegistry registry;
    private final SourceClient client;
    private final RequestScheduler scheduler;
    private final Duration timeout;
    private final int resultLimit;
    private final long maxIntermediateRows;
    private final SummaryService summaries;
    private final SourceSelector selector;
    private final CardinalityEstimator estimator;
    private final BgpPlanner planner;

    public FederationEngine(SourceRegistry registry, SourceClient client, RequestScheduler scheduler, Duration timeout,
                            int resultLimit, long maxIntermediateRows, Duration cacheTtl) {
        this.registry = registry;
        this.client = client;
        this.scheduler = scheduler;
        this.timeout = timeout;
        this.resultLimit = resultLimit;
        this.maxIntermediateRows = maxIntermediateRows;
        this.summaries = new SummaryService(cacheTtl);
        this.selector = new SourceSelector(cacheTtl, 10_000);
        this.estimator = new CardinalityEstimator(cacheTtl, 50_000);
        this.planner = new BgpPlanner(summaries, selector);
        registry.onChange(this::invalidateCaches);
    }

    /** Registers the planner's caches (summaries, ASK probes, cardinality probes) for cache metrics. */
    public void bindCacheMetrics(io.micrometer.core.instrument.MeterRegistry metrics) {
        summaries.bindTo(metrics);
        selector.bindTo(metrics);
        estimator.bindTo(metrics);
    }

    public SourceRegistry registry() {
        return registry;
    }

    public void invalidateCaches() {
        summaries.invalidateAll();
        selector.invalidateAll();
        estimator.invalidateAll();
    }

    /**
     * Lets the planner notice changes to the node's own store (a harvest, a replica sync): {@code version} grows with
     * every commit (see {@code NodeStore#dataVersion}); when it moved since the last query, every cached summary
     * and probe is dropped, as they may describe the local store as it was (without it, data written after the
     * first query stayed invisible to source selection until the caches expired).
     */
    public void trackLocalVersion(java.util.function.LongSupplier version) {
        this.localVersion = version;
    }

    private volatile java.util.function.LongSupplier localVersion = () -> 0L;
    private final java.util.concurrent.atomic.AtomicLong seenLocalVersion = new java.util.concurrent.atomic.AtomicLong(Long.MIN_VALUE);

    /** Called before any cache is read or filled: drops the caches when the local store changed since the last call. */
    private void syncLocal() {
        long now = localVersion.getAsLong();
        long before = seenLocalVersion.getAndSet(now);
        if (before != Long.MIN_VALUE && before != now) invalidateCaches();
    }

    /** Builds the source summaries ahead of the first query (best effort: failures are retried lazily). */
    public void warmUp() {
        syncLocal();
        QueryRun run = newRun(new Options(true, null, null));
        summaries.summaries(registry.sources(), run);
    }

    public FederatedResult execute(String queryString, Options options) {
        Query query = parse(queryString);
        syncLocal();
        QueryRun run = newRun(options);
        if (query.isDescribeType()) return new Describer(this).describe(query, run);
        Op op = rewrite(Algebra.compile(query), run, query);
        List<Binding> rows = new ArrayList<>();
        boolean truncated = false;
        QueryIterator it = evaluate(op);
        try {
            if (query.isAskType()) return new FederatedResult(query, List.of(), List.of(), it.hasNext(), null, false, run, op.toString());
            while (it.hasNext()) {
                if (query.isSelectType() && rows.size() >= resultLimit) {
                    truncated = true;
                    break;
                }
                rows.add(it.next());
            }
        } finally {
            it.close();
        }
        if (query.isConstructType())
            return new FederatedResult(query, List.of(), List.of(), null, Describer.construct(query.getConstructTemplate().getTriples(), rows), false, run, op.toString());
        return new FederatedResult(query, query.getProjectVars(), rows, null, null, truncated, run, op.toString());
    }

    QueryRun newRun(Options options) {
        CallContext call = new CallContext(null, options.callerAuthorization(), options.traceparent(), Instant.now().plus(timeout));
        return new QueryRun(client, scheduler, call, options.partial(), maxIntermediateRows);
    }

    /** Rewrites {@code op} for the federation; subqueries return every variable (no projection push-down). */
    Op rewrite(Op op, QueryRun run) {
        return rewrite(op, run, null);
    }

    /** Rewrites {@code op}, the algebra of {@code query}; with a SELECT query, subqueries return only needed variables. */
    Op rewrite(Op op, QueryRun run, Query query) {
        BgpEvaluator evaluator = new BgpEvaluator(run, estimator);
        List<Source> sources = registry.sources();
        AtomicReference<Set<Var>> needed = new AtomicReference<>();
        OpFederatedBgp.QueryContext qc = new OpFederatedBgp.QueryContext() {
            @Override
            public QueryRun run() {
                return run;
            }

            @Override
            public BgpEvaluator evaluator() {
                return evaluator;
            }

            @Override
            public List<Source> sources() {
                return sources;
            }

            @Override
            public Set<Var> neededOutside() {
                return needed.get();
            }
        };
        Op rewritten = new QueryRewriter(registry, () -> planner, qc).rewrite(op);
        if (query != null) needed.set(NeededVars.outside(query, rewritten));
        return rewritten;
    }

    static QueryIterator evaluate(Op op) {
        DatasetGraph empty = DatasetGraphZero.create();
        ExecutionContext cxt = new ExecutionContext(ARQ.getContext().copy(), empty.getDefaultGraph(), empty, FederatedOpExecutor.FACTORY);
        return QC.execute(op, QueryIterRoot.create(cxt), cxt);
    }

    static List<Binding> evaluateAll(Op op) {
        return Iter.toList(evaluate(op));
    }

    private static Query parse(String text) {
        if (text == null || text.isBlank()) throw new ProblemException(Problem.badParameter("query", "a SPARQL query is required"));
        try {
            return QueryFactory.create(text, Syntax.syntaxSPARQL_11);
        } catch (QueryParseException e) {
            throw new ProblemException(Problem.badParameter("query", "invalid SPARQL: " + e.getMessage()));
        }
    }
}
