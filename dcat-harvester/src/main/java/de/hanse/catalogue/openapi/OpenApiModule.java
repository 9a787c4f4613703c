package de.hanse.catalogue.openapi;

import de.hanse.core.node.NodeContext;
import de.hanse.core.node.NodeModule;
import java.util.List;
import org.apache.jena.fuseki.main.FusekiServer;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * Serves the node's OpenAPI document at {@code /openapi.json} and records the live Jersey resource model, so a test
 * can prove that the document describes every REST operation the node serves.
 */
public final class OpenApiModule implements NodeModule {
    private final ResourceModelRecorder recorder = new ResourceModelRecorder();

    @Override
    public String name() {
        return "openapi";
    }

    @Override
    public int order() {
        return 950;
    }

    @Override
    public void configure(NodeContext ctx, ResourceConfig jersey, FusekiServer.Builder server) {
        jersey.register(new OpenApiResource());
        jersey.register(recorder);
    }

    /** The operations Jersey serves ({@code "get /api/datasets"}), known once the node has started. */
    public List<String> jerseyOperations() {
        return recorder.operations();
    }
}
