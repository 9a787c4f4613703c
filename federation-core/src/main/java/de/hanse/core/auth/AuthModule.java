package de.hanse.core.auth;

import de.hanse.core.config.AuthConfig;
import de.hanse.core.node.NodeContext;
import de.hanse.core.node.NodeModule;
import org.apache.jena.fuseki.main.FusekiServer;
import org.glassfish.jersey.server.ResourceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authentication and outbound credentials: installs {@link AuthFilter} in front of every path (Fuseki and Jersey)
 * and the {@link PeerAuthDecorator} on the node's outbound HTTP. With {@code auth.enabled: false} it says so loudly.
 * Used from the assembling thread only.
 */
public final class AuthModule implements NodeModule {
    private static final Logger LOG = LoggerFactory.getLogger(AuthModule.class);

    private AuthConfig config;
    private JwksTokenVerifier verifier;

    @Override
    public String name() {
        return "auth";
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public void configure(NodeContext ctx, ResourceConfig jersey, FusekiServer.Builder server) {
        config = ctx.config().auth();
        verifier = config.enabled() ? new JwksTokenVerifier(config, ctx.http()) : null;
        if (verifier != null) verifier.bindTo(ctx.metrics());
        server.addFilter("/*", new AuthFilter(config, verifier, ctx.metrics()));
        ctx.http().addDecorator(new PeerAuthDecorator(new ClientCredentialsTokens(ctx.http(), System::getenv)));
    }

    @Override
    public void start(NodeContext ctx) {
        if (!config.enabled()) {
            LOG.warn("AUTHENTICATION IS OFF (auth.enabled: false): every request to {} is treated as an administrator. "
                    + "Use this only for demos and tests, never in production.", ctx.baseUri().get());
        } else {
            LOG.info("authentication on: trusted issuers {}, audience {}, algorithms {}, permissions {}",
                    config.issuers(), config.audience(), config.algorithms(), config.permissions());
            if (ctx.scheduler() != null) ctx.scheduler().execute(verifier::warmUp);   // off the start-up path
        }
    }
}
