package de.hanse.catalogue;

import de.hanse.core.node.NodeContext;
import de.hanse.core.node.NodeModule;
import org.apache.jena.fuseki.main.FusekiServer;
import org.glassfish.jersey.server.ResourceConfig;

/** Serves the node's merged catalogue as DCAT-AP at {@code /catalogue}. */
public final class CatalogueModule implements NodeModule {
    @Override
    public String name() {
        return "catalogue";
    }

    @Override
    public int order() {
        return 300;
    }

    @Override
    public void configure(NodeContext ctx, ResourceConfig jersey, FusekiServer.Builder server) {
        CatalogueView view = new CatalogueView();
        view.bindTo(ctx.metrics());
        jersey.register(new CatalogueResource(ctx.store(), ctx.config().catalogue(), ctx.config().name(), view));
    }
}
