package de.hanse.ngsild.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.hanse.ngsild.jsonld.CoreContext;
import de.hanse.ngsild.model.Ngsi;
import de.hanse.ngsild.service.DiscoveryService;
import de.hanse.ngsild.service.RequestScope;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** {@code /types}, {@code /attributes} (clause 6.25, 6.27) and {@code /info/sourceIdentity} (clause 6.31). */
@Path("ngsi-ld/v1")
public final class DiscoveryResource {
    private final NgsiLdServices s;

    public DiscoveryResource(NgsiLdServices s) {
        this.s = s;
    }

    @GET
    @Path("types")
    public Response types(@QueryParam("local") String local, @Context HttpHeaders h) {
        RequestScope scope = Http.scope(h, s.contexts());
        DiscoveryService.Listing l = s.discovery().types(scope, "true".equals(local));
        return Http.json(200, l.body(), scope, l.warnings(), h);
    }

    @GET
    @Path("attributes")
    public Response attributes(@QueryParam("local") String local, @Context HttpHeaders h) {
        RequestScope scope = Http.scope(h, s.contexts());
        DiscoveryService.Listing l = s.discovery().attributes(scope, "true".equals(local));
        return Http.json(200, l.body(), scope, l.warnings(), h);
    }

    @GET
    @Path("info/sourceIdentity")
    public Response sourceIdentity() {
        ObjectNode o = Ngsi.NODES.objectNode();
        o.put("id", "urn:ngsi-ld:ContextSourceIdentity:" + s.self());
        o.put("type", "ContextSourceIdentity");
        o.put("contextSourceAlias", s.self());
        o.put("contextSourceExtras", "Hanse");
        return Response.ok(o.toString(), "application/json").header("Link", de.hanse.ngsild.jsonld.ContextResolver.link(CoreContext.URL)).build();
    }

    @GET
    @Path("jsonldContexts/{name}")
    public Response bundledContext(@jakarta.ws.rs.PathParam("name") String name) {
        return switch (name) {
            case "ngsi-ld-core-context" -> Response.ok(CoreContext.document().toString(), Http.LD_JSON).build();
            case "smart-city-context" -> Response.ok(s.contexts().smartCityDocument().toString(), Http.LD_JSON).build();
            default -> throw Ngsi.notFound("no bundled context " + name);
        };
    }
}
