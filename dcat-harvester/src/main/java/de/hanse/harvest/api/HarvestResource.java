package de.hanse.harvest.api;

import de.hanse.core.config.HarvestConfig;
import de.hanse.core.config.HarvestSourceConfig;
import de.hanse.core.http.Problem;
import de.hanse.harvest.HarvestReport;
import de.hanse.harvest.HarvestService;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Harvest administration: {@code GET /api/harvest/sources}, {@code POST /api/harvest/sources/{name}/runs}
 * (202, starts a run in the background; 409 if one is running), {@code GET /api/harvest/runs} and
 * {@code GET /api/harvest/runs/{id}}.
 */
@Path("/api/harvest")
@Produces(MediaType.APPLICATION_JSON)
public final class HarvestResource {
    private final HarvestService service;
    private final HarvestConfig config;

    public HarvestResource(HarvestService service, HarvestConfig config) {
        this.service = service;
        this.config = config;
    }

    @GET
    @Path("sources")
    public List<Map<String, Object>> sources() {
        return config.sources().stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", s.name());
            m.put("type", s.type());
            m.put("url", s.url());
            m.put("schedule", s.schedule());
            m.put("priority", s.priority());
            m.put("running", service.running(s.name()));
            m.put("lastRun", service.lastReport(s.name()).orElse(null));
            return m;
        }).toList();
    }

    @POST
    @Path("sources/{name}/runs")
    public Response run(@PathParam("name") String name, @QueryParam("force") @DefaultValue("false") boolean force, @Context UriInfo uri) {
        HarvestSourceConfig source = config.source(name)
                .orElseThrow(() -> Problem.notFound("no harvest source named '" + name + "'").toException());
        String refusal = service.refusal();
        if (refusal != null) throw Problem.of(409, "not-writer", "Not the writer", refusal).toException();
        try {
            String id = service.start(source, force);
            return Response.accepted(Map.of("id", id, "source", name, "status", "RUNNING"))
                    .location(uri.getBaseUriBuilder().path("api/harvest/runs").path(id).build()).build();
        } catch (HarvestService.AlreadyRunningException e) {
            throw Problem.of(409, "harvest-running", "Harvest already running", e.getMessage()).toException();
        }
    }

    @GET
    @Path("runs")
    public java.util.Collection<HarvestReport> runs() {
        return service.reports();
    }

    @GET
    @Path("runs/{id}")
    public HarvestReport runReport(@PathParam("id") String id) {
        return service.report(id).orElseThrow(() -> Problem.notFound("no harvest run '" + id + "'").toException());
    }
}
