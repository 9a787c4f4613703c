package de.hanse.sparql.federation;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /sparql/federated}: the SPARQL 1.1 Query protocol (GET {@code ?query=}, POST form, POST
 * {@code application/sparql-query}) over all peers plus the local store. Extra parameters: {@code partial=true}
 * (answer without failed peers, listed in {@code Hanse-Warning}) and {@code explain=true} (the chosen sources and
 * join plan as JSON instead of results). Thin: everything happens in {@link FederationEngine}.
 */
@Path("sparql/federated")
public final class FederatedSparqlResource {
    private final FederationEngine engine;

    public FederatedSparqlResource(FederationEngine engine) {
        this.engine = engine;
    }

    @GET
    public Response get(@QueryParam("query") String query, @QueryParam("partial") String partial,
                        @QueryParam("explain") String explain, @HeaderParam("Accept") String accept,
                        @HeaderParam("Authorization") String auth, @HeaderParam("traceparent") String trace) {
        return answer(query, partial, explain, accept, auth, trace);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response postForm(@FormParam("query") String query, @FormParam("partial") String partial,
                             @FormParam("explain") String explain, @QueryParam("partial") String partialQ,
                             @QueryParam("explain") String explainQ, @HeaderParam("Accept") String accept,
                             @HeaderParam("Authorization") String auth, @HeaderParam("traceparent") String trace) {
        return answer(query, partial != null ? partial : partialQ, explain != null ? explain : explainQ, accept, auth, trace);
    }

    @POST
    @Consumes("application/sparql-query")
    public Response postQuery(String query, @QueryParam("partial") String partial, @QueryParam("explain") String explain,
                              @HeaderParam("Accept") String accept, @HeaderParam("Authorization") String auth,
                              @HeaderParam("traceparent") String trace) {
        return answer(query, partial, explain, accept, auth, trace);
    }

    private Response answer(String query, String partial, String explain, String accept, String auth, String trace) {
        FederatedResult r = engine.execute(query, new FederationEngine.Options("true".equalsIgnoreCase(partial), auth, trace));
        return ResultResponses.of(r, accept, "true".equalsIgnoreCase(explain));
    }
}
