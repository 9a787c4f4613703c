package de.hanse.core.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** {@code GET /metrics}: the node's meters in Prometheus text format 0.0.4. */
@Path("/metrics")
public final class MetricsResource {
    /** The Prometheus text exposition content type. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;

    public MetricsResource(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @GET
    public Response scrape() {
        return Response.ok(registry.scrape(), CONTENT_TYPE).header("Cache-Control", "no-store").build();
    }
}
