package de.hanse.sparql.federation;

import de.hanse.core.config.SparqlConfig;
import de.hanse.core.node.NodeContext;
import de.hanse.core.node.NodeModule;
import de.hanse.sparql.federation.execution.HttpSourceClient;
import de.hanse.sparql.federation.execution.RequestScheduler;
import de.hanse.sparql.federation.peers.SourceRegistry;
import java.time.Duration;
import org.apache.jena.fuseki.main.FusekiServer;
import org.glassfish.jersey.server.ResourceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Federated SPARQL ({@code /sparql/federated}) over the node's peers and its own store. Creates the engine in
 * {@link #configure}, warms the source summaries in the background at {@link #start}, and stops its request pool at
 * {@link #stop}. Peers come from {@code NodeConfig.peers()}; {@link #engine()} exposes the registry so a peer API can
 * replace them (which drops the cached probes and summaries).
 */
public final class FederatedSparqlModule implements NodeModule {
    private static final Logger LOG = LoggerFactory.getLogger(FederatedSparqlModule.class);
    /** Largest answer accepted from one source request. */
    static final long MAX_ANSWER_BYTES = 256L * 1024 * 1024;
    /** Largest intermediate result (rows) of one federated query. */
    static final long MAX_INTERMEDIATE_ROWS = 1_000_000;
    static final Duration CACHE_TTL = Duration.ofHours(1);

    private RequestScheduler scheduler;
    private FederationEngine engine;

    @Override
    public String name() {
        return "sparql-federation";
    }

    @Override
    public int order() {
        return 600;
    }

    @Override
    public void configure(NodeContext ctx, ResourceConfig jersey, FusekiServer.Builder server) {
        SparqlConfig cfg = ctx.config().sparql();
        SourceRegistry registry = new SourceRegistry(ctx.config().peers(), ctx.store() != null);
        scheduler = new RequestScheduler(16, 4096);
        engine = new FederationEngine(registry, new HttpSourceClient(ctx.http(), ctx.store(), MAX_ANSWER_BYTES), scheduler,
                cfg.federatedTimeout(), cfg.resultLimit(), MAX_INTERMEDIATE_ROWS, CACHE_TTL);
        engine.bindCacheMetrics(ctx.metrics());
        if (ctx.store() != null) engine.trackLocalVersion(ctx.store()::dataVersion);
        jersey.register(new FederatedSparqlResource(engine));
    }

    @Override
    public void start(NodeContext ctx) {
        ctx.scheduler().execute(() -> {
            try {
                engine.warmUp();
            } catch (RuntimeException e) {
                LOG.warn("federated SPARQL warm-up failed (summaries will be built on first use): {}", e.getMessage());
            }
        });
    }

    /** The engine, once configured. */
    public FederationEngine engine() {
        return engine;
    }

    @Override
    public void stop() {
        if (scheduler != null) scheduler.close();
    }
}
