package de.hanse.bench.ngsild;

import de.hanse.core.node.NodeContext;
import de.hanse.core.node.NodeModule;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.apache.jena.fuseki.main.FusekiServer;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * Benchmark only (on the bench class path, never in the node): delays every NGSI-LD request of nodes whose name
 * starts with {@code bench-peer} by {@code hanse.bench.delayMs} (default 20) milliseconds, standing in for a city
 * broker's own work and network latency. A servlet filter placed before the node's own filters (order 20), so it
 * delays every NGSI-LD request whichever way the node serves it.
 */
public final class DelayModule implements NodeModule {
    @Override
    public String name() {
        return "bench-delay";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public void configure(NodeContext ctx, ResourceConfig jersey, FusekiServer.Builder server) {
        if (!ctx.config().name().startsWith("bench-peer")) return;
        long ms = Long.getLong("hanse.bench.delayMs", 20);
        server.addFilter("/ngsi-ld/*", new Delay(ms));
    }

    static final class Delay implements Filter {
        private final long ms;

        Delay(long ms) {
            this.ms = ms;
        }

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
            if (ms > 0 && ((HttpServletRequest) request).getRequestURI().startsWith("/ngsi-ld/")) {
                try {
                    Thread.sleep(ms);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            chain.doFilter(request, response);
        }
    }
}
