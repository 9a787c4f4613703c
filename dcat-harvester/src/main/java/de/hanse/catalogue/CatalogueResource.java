package de.hanse.catalogue;

import de.hanse.core.config.CatalogueConfig;
import de.hanse.core.http.Problem;
import de.hanse.core.store.NodeStore;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Variant;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;

/**
 * The node's catalogue as DCAT-AP: {@code GET /catalogue?page=&pageSize=&modified_since=} (Hydra
 * {@code PartialCollectionView} paging) and {@code GET /catalogue/datasets/{id}}, in Turtle, RDF/XML, JSON-LD or
 * N-Triples by content negotiation. This is what a state node harvests from a city node.
 */
@Path("/catalogue")
public final class CatalogueResource {
    static final List<String> SUPPORTED = List.of("text/turtle", "application/rdf+xml", "application/ld+json", "application/n-triples");
    static final List<Variant> VARIANTS = Variant.mediaTypes(
            jakarta.ws.rs.core.MediaType.valueOf("text/turtle"),
            jakarta.ws.rs.core.MediaType.valueOf("application/rdf+xml"),
            jakarta.ws.rs.core.MediaType.valueOf("application/ld+json"),
            jakarta.ws.rs.core.MediaType.valueOf("application/n-triples")).build();

    private final NodeStore store;
    private final CatalogueConfig config;
    private final String nodeName;
    private final CatalogueView view;

    public CatalogueResource(NodeStore store, CatalogueConfig config, String nodeName, CatalogueView view) {
        this.view = view;
        this.store = store;
        this.config = config;
        this.nodeName = nodeName;
    }

    @GET
    public Response page(@QueryParam("page") String pageParam, @QueryParam("pageSize") String sizeParam,
                         @QueryParam("modified_since") String since, @Context UriInfo uri, @Context Request request) {
        Lang lang = negotiate(request);
        int page = intParam("page", pageParam, 1, Integer.MAX_VALUE, 1);
        int size = intParam("pageSize", sizeParam, 1, config.maxPageSize(), config.pageSize());
        Instant sinceTime = since == null ? null : parseSince(since);
        Graph g = store.read(dsg -> CatalogueExport.page(dsg, view, uri.getBaseUri().toString(), title(), nodeName, page, size, sinceTime, since));
        return write(g, lang);
    }

    @GET
    @Path("datasets/{id}")
    public Response dataset(@PathParam("id") String id, @Context UriInfo uri, @Context Request request) {
        Lang lang = negotiate(request);
        Graph g = store.read(dsg -> CatalogueExport.dataset(dsg, id));
        if (g == null) throw Problem.notFound("no dataset with id '" + id + "' in this catalogue").toException();
        return write(g, lang);
    }

    private String title() {
        return config.title() != null ? config.title() : "Hanse catalogue " + nodeName;
    }

    /**
     * The RDF syntax the client prefers (q-values respected); Turtle when it sends no {@code Accept} or accepts
     * anything; 406 with a problem listing the supported types when it accepts none of them.
     */
    static Lang negotiate(Request request) {
        Variant v = request.selectVariant(VARIANTS);
        if (v == null) throw new Problem(Problem.HANSE_TYPES + "not-acceptable", "Not acceptable", 406,
                "the catalogue is available as " + SUPPORTED + "; send one of them (or */*) in Accept",
                java.util.Map.of("supported", SUPPORTED)).toException();
        return org.apache.jena.riot.RDFLanguages.contentTypeToLang(v.getMediaType().toString());
    }

    static Response write(Graph g, Lang lang) {
        jakarta.ws.rs.core.StreamingOutput body = out -> RDFDataMgr.write(out, g, lang);
        return Response.ok(body).type(lang.getHeaderString() + (lang == Lang.RDFXML ? "" : "; charset=utf-8")).header("Vary", "Accept").build();
    }

    static int intParam(String name, String value, int min, int max, int dflt) {
        if (value == null || value.isBlank()) return dflt;
        try {
            int v = Integer.parseInt(value.trim());
            if (v < min || v > max) throw Problem.badParameter(name, name + " must be between " + min + " and " + max + ", got " + v).toException();
            return v;
        } catch (NumberFormatException e) {
            throw Problem.badParameter(name, name + " must be an integer, got '" + value + "'").toException();
        }
    }

    /** An ISO date (midnight UTC) or a date-time with offset. */
    static Instant parseSince(String since) {
        try {
            if (since.length() == 10) return LocalDate.parse(since).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            return OffsetDateTime.parse(since).toInstant();
        } catch (DateTimeParseException e) {
            throw Problem.badParameter("modified_since", "modified_since must be an ISO 8601 date or date-time (e.g. 2024-01-31 or 2024-01-31T12:00:00Z), got '" + since + "'").toException();
        }
    }
}
