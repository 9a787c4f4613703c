package de.hanse.ngsild.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.hanse.ngsild.jsonld.LdContext;
import de.hanse.ngsild.model.Ngsi;
import de.hanse.ngsild.service.RequestScope;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** {@code /ngsi-ld/v1/entities/{id}/attrs}: append, update, partial update and delete of attributes (clause 6.6, 6.7). */
@Path("ngsi-ld/v1/entities/{id}/attrs")
public final class EntityAttrsResource {
    private final NgsiLdServices s;

    public EntityAttrsResource(NgsiLdServices s) {
        this.s = s;
    }

    @POST
    public Response append(@PathParam("id") String id, @QueryParam("options") String options, String body, @Context HttpHeaders h) {
        JsonNode json = Http.json(body);
        LdContext ctx = Http.bodyContext(json, h, s.contexts());
        RequestScope scope = Http.scope(h, ctx, null);
        boolean noOverwrite = options != null && List.of(options.split(",")).contains("noOverwrite");
        return partial(s.entities().append(scope.tenant(), id, json, ctx, noOverwrite));
    }

    @PATCH
    public Response update(@PathParam("id") String id, String body, @Context HttpHeaders h) {
        JsonNode json = Http.json(body);
        LdContext ctx = Http.bodyContext(json, h, s.contexts());
        return partial(s.entities().update(Http.scope(h, ctx, null).tenant(), id, json, ctx));
    }

    @PATCH
    @Path("{attr}")
    public Response patch(@PathParam("id") String id, @PathParam("attr") String attr, String body, @Context HttpHeaders h) {
        JsonNode json = Http.json(body);
        LdContext ctx = Http.bodyContext(json, h, s.contexts());
        s.entities().patchAttribute(Http.scope(h, ctx, null).tenant(), id, attr, json, ctx);
        return Response.noContent().build();
    }

    @DELETE
    @Path("{attr}")
    public Response delete(@PathParam("id") String id, @PathParam("attr") String attr, @QueryParam("datasetId") String datasetId,
                           @QueryParam("deleteAll") @DefaultValue("false") boolean all, @Context HttpHeaders h) {
        RequestScope scope = Http.scope(h, s.contexts());
        s.entities().deleteAttribute(scope.tenant(), id, attr, scope.context(), datasetId, all);
        return Response.noContent().build();
    }

    /** 204 when everything was written, else 207 with an UpdateResult naming what was not. */
    private static Response partial(List<String> notUpdated) {
        if (notUpdated.isEmpty()) return Response.noContent().build();
        ObjectNode r = Ngsi.NODES.objectNode();
        r.putArray("updated");
        var nu = r.putArray("notUpdated");
        notUpdated.forEach(n -> nu.addObject().put("attributeName", n).put("reason", "not written (absent or kept)"));
        return Response.status(207).type("application/json").entity(r.toString()).build();
    }
}
