package de.hanse.ngsild.api;

import com.fasterxml.jackson.databind.JsonNode;
import de.hanse.ngsild.jsonld.LdContext;
import de.hanse.ngsild.model.Ngsi;
import de.hanse.ngsild.query.EntityQuery;
import de.hanse.ngsild.registry.Operations;
import de.hanse.ngsild.service.EntityService;
import de.hanse.ngsild.service.RequestScope;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code /ngsi-ld/v1/entityOperations/{create|upsert|update|delete|query}} (clause 6.14 to 6.18, 6.23). */
@Path("ngsi-ld/v1/entityOperations")
public final class EntityOperationsResource {
    private final NgsiLdServices s;
    private final EntitiesResource entities;

    public EntityOperationsResource(NgsiLdServices s) {
        this.s = s;
        this.entities = new EntitiesResource(s);
    }

    @POST
    @Path("{op}")
    public Response batch(@PathParam("op") String op, String body, @Context UriInfo uri, @Context HttpHeaders h,
                          @Context jakarta.servlet.http.HttpServletRequest req) {
        JsonNode json = Http.json(body);
        if (op.equals("query")) return query(json, uri, h, req);
        EntityService.BatchOp kind;
        try {
            kind = EntityService.BatchOp.valueOf(op.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Ngsi.notFound("no entity operation " + op);
        }
        Map<String, String> p = Http.params(uri.getQueryParameters());
        List<String> options = p.get("options") == null ? List.of() : List.of(p.get("options").split(","));
        RequestScope scope = Http.scope(h, LdContext.core(), null);
        EntityService.BatchResult r = s.entities().batch(scope.tenant(), kind, json,
                item -> kind == EntityService.BatchOp.DELETE ? LdContext.core() : Http.bodyContext(item, h, s.contexts()),
                !options.contains("update"), options.contains("noOverwrite"));
        if (r.errors().isEmpty()) {
            // create: 201 with the ids; upsert: 201 with the ids when something was created, else 204
            if (kind == EntityService.BatchOp.CREATE || (kind == EntityService.BatchOp.UPSERT && r.created() > 0)) {
                var ids = Ngsi.NODES.arrayNode();
                r.success().forEach(ids::add);
                return Response.status(201).type("application/json").entity(ids.toString()).build();
            }
            return Response.noContent().build();
        }
        return Response.status(207).type("application/json").entity(r.body().toString()).build();
    }

    private Response query(JsonNode body, UriInfo uri, HttpHeaders h, jakarta.servlet.http.HttpServletRequest req) {
        LdContext ctx = Http.bodyContext(body, h, s.contexts());
        RequestScope scope = Http.scope(h, ctx, ctx.urls().isEmpty() ? null : de.hanse.ngsild.jsonld.ContextResolver.link(ctx.urls().get(0)));
        if (!"Query".equals(body.path("type").asText())) throw Ngsi.badData("the body must be a Query (type: Query)");
        Map<String, String> p = new java.util.LinkedHashMap<>(Http.params(uri.getQueryParameters()));
        JsonNode ents = body.path("entities");
        if (ents.size() > 1) throw Ngsi.badData("this node supports one entities selector per batch query");
        if (ents.size() == 1) {
            JsonNode sel = ents.get(0);
            if (sel.path("type").isTextual()) p.put("type", sel.get("type").asText());
            if (sel.path("id").isTextual()) p.put("id", sel.get("id").asText());
            if (sel.path("idPattern").isTextual()) p.put("idPattern", sel.get("idPattern").asText());
        }
        if (body.path("attrs").isArray()) {
            List<String> a = new java.util.ArrayList<>();
            body.get("attrs").forEach(x -> a.add(x.asText()));
            p.put("attrs", String.join(",", a));
        }
        if (body.path("q").isTextual()) p.put("q", body.get("q").asText());
        JsonNode geo = body.path("geoQ");
        if (geo.isObject()) {
            p.put("georel", geo.path("georel").asText());
            p.put("geometry", geo.path("geometry").asText());
            p.put("coordinates", geo.path("coordinates").toString());
            if (geo.path("geoproperty").isTextual()) p.put("geoproperty", geo.get("geoproperty").asText());
        }
        EntityQuery q = EntityQuery.parse(p, ctx, s.defaultLimit(), s.maxLimit(), true);
        return entities.answer(q, scope, s.queries().query(q, scope, Operations.QUERY_BATCH), h, req);
    }
}
