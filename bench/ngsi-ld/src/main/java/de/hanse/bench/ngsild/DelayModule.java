package de.hanse.bench.ngsild;

import de.hanse.core.node.NodeContext;
import de.hanse.core.node.NodeModule;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import org.apache.jena.fuseki.main.FusekiServer;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * Benchmark only (on the bench class path, never in the node): delays every NGSI-LD request of nodes whose name
 * starts with {@code bench-peer} by {@code hanse.bench.delayMs} (default 20) milliseconds, standing in for a city
 * broker's own work and network latency.
 */
public final class DelayModule implements NodeModule {
    @Override
    public String name() {
        return "bench-delay";
    }

    @Override
    public void configure(NodeContext ctx, ResourceConfig jersey, FusekiServer.Builder server) {
        if (!ctx.config().name().startsWith("bench-peer")) return;
        long ms = Long.getLong("hanse.bench.delayMs", 20);
        jersey.register(new Delay(ms));
    }

    @PreMatching
    static final class Delay implements ContainerRequestFilter {
        private final long ms;

        Delay(long ms) {
            this.ms = ms;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            if (!request.getUriInfo().getPath().startsWith("ngsi-ld/")) return;
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
