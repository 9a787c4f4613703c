package de.hanse.ngsild.api;

import com.fasterxml.jackson.databind.JsonNode;
import de.hanse.core.config.NgsiLdConfig;
import de.hanse.core.node.NodeContext;
import de.hanse.core.node.NodeModule;
import de.hanse.core.store.NodeStore;
import de.hanse.ngsild.federation.execution.Forwarder;
import de.hanse.ngsild.jsonld.ContextResolver;
import de.hanse.ngsild.jsonld.LdContext;
import de.hanse.ngsild.model.Ngsi;
import de.hanse.ngsild.registry.RegistrationStore;
import de.hanse.ngsild.service.DiscoveryService;
import de.hanse.ngsild.service.EntityService;
import de.hanse.ngsild.service.QueryService;
import de.hanse.ngsild.store.EntityStore;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import org.apache.jena.fuseki.main.FusekiServer;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * The NGSI-LD broker and federator of a node ({@code /ngsi-ld/v1}): local entities in TDB2, context source
 * registrations, distributed queries with merge. Order 700. Entities and registrations live in a TDB2 database of
 * their own ({@code <dataDir>/ngsi-ld}, in memory when the node's store is), not in the catalogue store: TDB2 has
 * one writer at a time and a harvest run is one write transaction, so sharing the store would hold every entity
 * update back until a running harvest ends. Created by the node's composition root through
 * {@link java.util.ServiceLoader}; {@link #configure} builds the services once, single-threaded.
 */
public final class NgsiLdModule implements NodeModule {
    private NgsiLdServices services;
    private NodeStore entityStore;
    private Forwarder forwarder;

    @Override
    public String name() {
        return "ngsi-ld";
    }

    @Override
    public int order() {
        return 700;
    }

    @Override
    public void configure(NodeContext ctx, ResourceConfig jersey, FusekiServer.Builder server) {
        NgsiLdConfig c = ctx.config().ngsild();
        if (!c.enabled()) return;
        String self = c.sourceIdentity() != null ? c.sourceIdentity() : ctx.config().name();
        entityStore = ctx.store().companion("ngsi-ld");
        EntityStore store = new EntityStore(entityStore);
        RegistrationStore registrations = new RegistrationStore(entityStore);
        forwarder = new Forwarder(ctx.http(), registrations, c.maxConcurrency());
        forwarder.bindTo(ctx.metrics());
        ContextResolver contexts = new ContextResolver(ctx.http(), Duration.ofSeconds(2));
        contexts.bindTo(ctx.metrics());
        QueryService queries = new QueryService(store, registrations, forwarder, self, c.forwardTimeout(), c.maxLimit());
        services = new NgsiLdServices(new EntityService(store), queries,
                new DiscoveryService(store, registrations, forwarder, queries, self), registrations,
                contexts, self, c.defaultLimit(), c.maxLimit(),
                ctx.config().auth().attributePolicies());
        // GET /entities and /entities/{id} bypass Jersey (the federation's hot path), behind metrics and auth
        EntityReadFilter reads = new EntityReadFilter(services);
        reads.bindTo(ctx.metrics());
        server.addFilter(EntityReadFilter.BASE + "/*", reads);
        jersey.register(new EntitiesResource(services));
        jersey.register(new EntityAttrsResource(services));
        jersey.register(new EntityOperationsResource(services));
        jersey.register(new DiscoveryResource(services));
        jersey.register(new RegistrationsResource(services));
    }

    @Override
    public void stop() {
        if (forwarder != null) forwarder.close();
        if (entityStore != null) entityStore.close();
    }

    /** The services, or null before {@link #configure} or when NGSI-LD is disabled. */
    public NgsiLdServices services() {
        return services;
    }

    /**
     * Upserts the entities of a JSON-LD document (an array of entities, each with its {@code @context}, such as
     * {@code demo/ngsild/<city>.jsonld}) into {@code tenant} ({@code ""} for the default). Same as
     * {@code POST /ngsi-ld/v1/entityOperations/upsert} with {@code Content-Type: application/ld+json}.
     *
     * @return the number of entities written
     */
    public int loadEntities(String tenant, InputStream jsonld) throws IOException {
        if (services == null) throw new IllegalStateException("NGSI-LD is not configured");
        JsonNode doc = Ngsi.JSON.readTree(jsonld);
        EntityService.BatchResult r = services.entities().batch(tenant, EntityService.BatchOp.UPSERT, doc,
                e -> e.has("@context") ? services.contexts().fromValue(e.get("@context")) : LdContext.core(), true, false);
        if (!r.errors().isEmpty()) throw new IOException("entities rejected: " + r.errors());
        return r.success().size();
    }
}
