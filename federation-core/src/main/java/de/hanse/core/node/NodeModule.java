package de.hanse.core.node;

import org.apache.jena.fuseki.main.FusekiServer;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * A feature of the node (harvester, catalogue, NGSI-LD, SPARQL federation, auth, metrics), assembled in fixed
 * phases by the node builder: {@link #configure} for every module, then the server is built and started, then
 * {@link #start} for every module in order; {@link #stop} runs in reverse order at shutdown. Every hook has a
 * no-op default. Implementations are created by the composition root and used from one thread during assembly.
 *
 * <p>Modules are discovered with {@link java.util.ServiceLoader} (each module jar lists its implementation in
 * {@code META-INF/services/de.hanse.core.node.NodeModule}) and run in ascending {@link #order()}; the node's
 * composition root ({@code de.hanse.node.HanseNode}) is the only place that creates them and the shared services.
 * A module needs a public no-argument constructor and takes everything else from the {@link NodeContext}.
 */
public interface NodeModule {

    /** A short name for logs. */
    String name();

    /** Assembly order (filters run in this order): metrics 50 (so refused requests are counted too), auth 100, catalogue 300, harvest 400, search 500, SPARQL 600, NGSI-LD 700. */
    default int order() {
        return 1000;
    }

    /** Registers Jersey resources/providers and Fuseki endpoints, servlets or filters. */
    default void configure(NodeContext ctx, ResourceConfig jersey, FusekiServer.Builder server) {}

    /** Called once the server listens (so {@link NodeContext#baseUri()} is known). */
    default void start(NodeContext ctx) {}

    /** Whether the module is ready to serve ({@code /health/ready}). */
    default boolean ready() {
        return true;
    }

    /** Releases resources; called in reverse order of start. Must not throw. */
    default void stop() {}
}
