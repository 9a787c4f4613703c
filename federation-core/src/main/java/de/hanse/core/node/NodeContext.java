package de.hanse.core.node;

import de.hanse.core.config.NodeConfig;
import de.hanse.core.http.OutboundHttp;
import de.hanse.core.store.NodeStore;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

/**
 * The long-lived services of one node, created once by the composition root and handed to every
 * {@link NodeModule}. Immutable; the services it holds are thread-safe.
 *
 * @param config    the node's configuration
 * @param store     the RDF store
 * @param http      outbound HTTP with deadlines, auth and tracing
 * @param metrics   the Prometheus registry
 * @param scheduler a small shared scheduler for periodic jobs (harvest schedules, cache refresh)
 * @param baseUri   the node's public base URI, known once the server is bound (port 0 in tests)
 */
public record NodeContext(NodeConfig config, NodeStore store, OutboundHttp http, PrometheusMeterRegistry metrics,
                          ScheduledExecutorService scheduler, Supplier<URI> baseUri) {
}
