package de.hanse.core.metrics;

import de.hanse.core.node.NodeContext;
import de.hanse.core.node.NodeModule;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import java.time.Duration;
import org.apache.jena.fuseki.main.FusekiServer;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * Observability of a node: {@code GET /metrics} (Prometheus text) from the node's registry, JVM and process meters,
 * the {@link HttpMetricsFilter} (request id, HTTP metrics, access log) in front of every path, and the
 * {@link TraceparentDecorator} on outbound HTTP so peers see the same request id, {@link PeerMetrics} as the observer of
 * every tagged outbound call (latency and outcome per peer and operation); {@code logging.format} and
 * {@code logging.level} of the configuration are applied to logback ({@link LogFormat}). Other modules record their own
 * meters through {@link PeerMetrics} and {@link HarvestMetrics}. Used from one thread during assembly.
 */
public final class MetricsModule implements NodeModule {
    /** Latency histogram buckets shared by HTTP server and peer-call timers (seconds in Prometheus). */
    static final Duration[] LATENCY_BUCKETS = {
            Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30)};
    /** Most distinct route labels before new ones are reported as {@link RouteTemplate#OTHER}. */
    static final int MAX_ROUTES = 200;

    private JvmGcMetrics gc;

    @Override
    public String name() {
        return "metrics";
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public void configure(NodeContext ctx, ResourceConfig jersey, FusekiServer.Builder server) {
        LogFormat.apply(ctx.config().logging(), System.getenv());
        var registry = ctx.metrics();
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        gc = new JvmGcMetrics();
        gc.bindTo(registry);
        server.addFilter("/*", new HttpMetricsFilter(registry, new RouteTemplate(MAX_ROUTES)));
        jersey.register(new MetricsResource(registry));
        ctx.http().addDecorator(new TraceparentDecorator());
        ctx.http().observe(new PeerMetrics(registry));
    }

    @Override
    public void stop() {
        if (gc != null) gc.close();
    }
}
