package de.hanse.ngsild.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.hanse.ngsild.jsonld.LdContext;
import de.hanse.ngsild.model.Ngsi;
import de.hanse.ngsild.query.TypeExpr;
import de.hanse.ngsild.registry.Registration;
import de.hanse.ngsild.registry.RegistrationCodec;
import de.hanse.ngsild.service.RequestScope;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/** {@code /ngsi-ld/v1/csourceRegistrations}: create, discover, retrieve, update, delete (clause 6.8, 6.9). */
@Path("ngsi-ld/v1/csourceRegistrations")
public final class RegistrationsResource {
    private final NgsiLdServices s;

    public RegistrationsResource(NgsiLdServices s) {
        this.s = s;
    }

    @POST
    public Response create(String body, @Context HttpHeaders h) {
        JsonNode json = Http.json(body);
        LdContext ctx = Http.bodyContext(json, h, s.contexts());
        String id = s.registrations().create(Http.scope(h, ctx, null).tenant(), RegistrationCodec.expand(json, ctx));
        return Response.created(URI.create("/ngsi-ld/v1/csourceRegistrations/" + id)).build();
    }

    @GET
    public Response discover(@QueryParam("type") String type, @QueryParam("attrs") String attrs, @QueryParam("limit") Integer limit,
                             @QueryParam("offset") Integer offset, @Context HttpHeaders h) {
        RequestScope scope = Http.scope(h, s.contexts());
        TypeExpr t = type == null ? null : TypeExpr.parse(type, scope.context());
        List<String> names = attrs == null ? null : java.util.Arrays.stream(attrs.split(",")).map(scope.context()::expand).toList();
        int lim = limit == null ? s.defaultLimit() : Math.min(Math.max(limit, 0), s.maxLimit());
        int off = offset == null ? 0 : Math.max(offset, 0);
        ArrayNode out = Ngsi.NODES.arrayNode();
        s.registrations().active(scope.tenant()).stream().filter(r -> matches(r, t, names)).skip(off).limit(lim)
                .forEach(r -> out.add(render(scope, r.id(), r.document())));
        return Http.json(200, out, scope, List.of(), h);
    }

    private static boolean matches(Registration r, TypeExpr t, List<String> names) {
        return r.information().stream().anyMatch(i ->
                (t == null || i.entities().isEmpty() || i.entities().stream().anyMatch(e -> t.mentioned().contains(e.type())))
                        && (names == null || i.attributeNames().isEmpty() || names.stream().anyMatch(i.attributeNames()::contains)));
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id, @Context HttpHeaders h) {
        RequestScope scope = Http.scope(h, s.contexts());
        ObjectNode doc = s.registrations().document(scope.tenant(), id);
        if (doc == null) throw Ngsi.notFound("registration " + id + " not found");
        return Http.json(200, render(scope, id, doc), scope, List.of(), h);
    }

    private ObjectNode render(RequestScope scope, String id, ObjectNode doc) {
        return RegistrationCodec.render(doc, scope.context(), s.registrations().status(scope.tenant(), id));
    }

    @PATCH
    @Path("{id}")
    public Response update(@PathParam("id") String id, String body, @Context HttpHeaders h) {
        JsonNode json = Http.json(body);
        if (!json.isObject()) throw Ngsi.badData("a registration fragment must be a JSON object");
        LdContext ctx = Http.bodyContext(json, h, s.contexts());
        ObjectNode patch = ((ObjectNode) json).deepCopy();
        patch.remove("@context");
        if (patch.has("information")) {
            ObjectNode probe = patch.deepCopy();
            probe.put("type", "ContextSourceRegistration");
            probe.put("endpoint", "http://placeholder.invalid/");
            patch.set("information", RegistrationCodec.expand(probe, ctx).get("information"));
        }
        s.registrations().update(Http.scope(h, ctx, null).tenant(), id, patch);
        return Response.noContent().build();
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id, @Context HttpHeaders h) {
        s.registrations().delete(Http.scope(h, s.contexts()).tenant(), id);
        return Response.noContent().build();
    }
}
