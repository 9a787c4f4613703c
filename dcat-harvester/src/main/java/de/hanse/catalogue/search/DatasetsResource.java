package de.hanse.catalogue.search;

import com.fasterxml.jackson.databind.util.RawValue;
import de.hanse.catalogue.search.index.SearchQuery;
import de.hanse.catalogue.search.index.SearchResult;
import de.hanse.core.http.Problem;
import de.hanse.core.http.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /api/datasets}: faceted full-text search over the merged catalogue; {@code GET /api/datasets/{id}}:
 * one dataset by its short id (as in {@code /catalogue/datasets/{id}}) with distributions, provenance and quality
 * report; {@code GET /api/datasets/by-iri?iri=...}: the same by dataset IRI. Thin: parameters go
 * through {@link SearchParams}, work to {@link SearchService}.
 */
@Path("/api/datasets")
@Produces(MediaType.APPLICATION_JSON)
public final class DatasetsResource {
    private final SearchService search;

    public DatasetsResource(SearchService search) {
        this.search = search;
    }

    @GET
    public Map<String, Object> search(@Context UriInfo uri) {
        SearchQuery q = SearchParams.parse(uri.getQueryParameters());
        SearchResult r = search.search(q);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total", r.total());
        body.put("page", r.page());
        body.put("pageSize", r.pageSize());
        body.put("items", r.items().stream().map(RawValue::new).toList());
        body.put("facets", r.facets());
        Map<String, String> links = new LinkedHashMap<>();
        links.put("self", uri.getRequestUri().toString());
        if ((long) r.page() * r.pageSize() < r.total() && (long) (r.page() + 1) * r.pageSize() <= SearchParams.MAX_DEPTH)
            links.put("next", uri.getRequestUriBuilder().replaceQueryParam("page", r.page() + 1).build().toString());
        if (r.page() > 1) links.put("prev", uri.getRequestUriBuilder().replaceQueryParam("page", r.page() - 1).build().toString());
        body.put("links", links);
        return body;
    }

    @GET
    @Path("{id}")
    public Map<String, Object> detail(@PathParam("id") String id) {
        return search.detail(id).orElseThrow(() -> new ProblemException(Problem.notFound("no dataset '" + id + "' on this node")));
    }

    /** The same detail by full IRI: a URL-encoded IRI cannot be a path segment ({@code %2F} is refused by Jetty). */
    @GET
    @Path("by-iri")
    public Map<String, Object> detailByIri(@QueryParam("iri") String iri) {
        if (iri == null || iri.isBlank()) throw new ProblemException(Problem.badParameter("iri", "the dataset IRI is required"));
        return search.detail(iri).orElseThrow(() -> new ProblemException(Problem.notFound("no dataset <" + iri + "> on this node")));
    }
}
