package de.hanse.ngsild.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import de.hanse.ngsild.jsonld.LdContext;
import de.hanse.ngsild.model.EntityRenderer;
import de.hanse.ngsild.model.Ngsi;
import de.hanse.ngsild.query.EntityQuery;
import de.hanse.ngsild.service.QueryOutcome;
import de.hanse.ngsild.service.QueryService;
import de.hanse.ngsild.service.RequestScope;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** {@code /ngsi-ld/v1/entities}: query, create, retrieve and delete (clauses 6.4, 6.5). */
@Path("ngsi-ld/v1/entities")
public final class EntitiesResource {
    private final NgsiLdServices s;

    public EntitiesResource(NgsiLdServices s) {
        this.s = s;
    }

    /**
     * Served by {@link EntityReadFilter} before Jersey sees it (the hot path of a federation); kept so that the
     * route is part of the Jersey model (OpenAPI coverage, {@code OPTIONS}, {@code HEAD}).
     */
    @GET
    public Response query(@Context UriInfo uri, @Context HttpHeaders h, @Context HttpServletRequest req) {
        RequestScope scope = Http.scope(h, s.contexts());
        EntityQuery q = EntityQuery.parse(Http.params(uri.getQueryParameters()), scope.context(), s.defaultLimit(), s.maxLimit(), true);
        return answer(q, scope, s.queries().query(q, scope, QueryService.operation(false)), h, req);
    }

    Response answer(EntityQuery q, RequestScope scope, QueryOutcome out, HttpHeaders h, HttpServletRequest req) {
        Response r = Http.json(200, body(s, q, scope, out, req), scope, out.warnings(), h);
        return q.count() ? Response.fromResponse(r).header("NGSILD-Results-Count", out.count()).build() : r;
    }

    /** The rendered page of a query answer, attribute policies applied. */
    static ArrayNode body(NgsiLdServices s, EntityQuery q, RequestScope scope, QueryOutcome out, HttpServletRequest req) {
        ArrayNode body = Ngsi.NODES.arrayNode();
        out.entities().forEach(e -> body.add(EntityRenderer.render(e, scope.context(), q.format())));
        s.applyPolicies(req, scope.context(), body);
        return body;
    }

    @POST
    public Response create(String body, @Context HttpHeaders h) {
        JsonNode json = Http.json(body);
        LdContext ctx = Http.bodyContext(json, h, s.contexts());
        RequestScope scope = Http.scope(h, ctx, null);
        String id = s.entities().create(scope.tenant(), json, ctx);
        return Response.created(URI.create("/ngsi-ld/v1/entities/" + URLEncoder.encode(id, StandardCharsets.UTF_8))).build();
    }

    @GET
    @Path("{id}")
    public Response retrieve(@PathParam("id") String id, @Context UriInfo uri, @Context HttpHeaders h,
                             @Context HttpServletRequest req) {
        RequestScope scope = Http.scope(h, s.contexts());
        EntityQuery q = EntityQuery.parse(retrieveParams(Http.params(uri.getQueryParameters()), id), scope.context(), 1, s.maxLimit(), false);
        QueryOutcome out = s.queries().query(q, scope, QueryService.operation(true));
        if (out.entities().isEmpty()) {
            Response r = Http.problem(QueryService.notFound(id));
            Response.ResponseBuilder b = Response.fromResponse(r);
            out.warnings().forEach(w -> b.header("NGSILD-Warning", w));
            return b.build();
        }
        var entity = EntityRenderer.render(out.entities().get(0), scope.context(), q.format());
        s.applyPolicies(req, scope.context(), java.util.List.of(entity));
        return Http.json(200, entity, scope, out.warnings(), h);
    }

    /** The query parameters of a retrieval: those given, the id, and no paging or id pattern. */
    static Map<String, String> retrieveParams(Map<String, String> given, String id) {
        Map<String, String> p = new java.util.LinkedHashMap<>(given);
        p.put("id", id);
        p.remove("idPattern");
        p.remove("limit");
        p.remove("offset");
        p.remove("count");
        return p;
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id, @Context HttpHeaders h) {
        s.entities().delete(Http.scope(h, s.contexts()).tenant(), id);
        return Response.noContent().build();
    }
}
