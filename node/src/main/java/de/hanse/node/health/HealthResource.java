package de.hanse.node.health;

import de.hanse.core.node.NodeModule;
import de.hanse.core.store.NodeStore;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /health/live}: the process answers. {@code /health/ready}: the store answers a read transaction and every
 * module reports ready; 503 otherwise, with the failing checks named.
 */
@Path("/health")
@Produces(MediaType.APPLICATION_JSON)
public final class HealthResource {
    private final NodeStore store;
    private final List<NodeModule> modules;

    public HealthResource(NodeStore store, List<NodeModule> modules) {
        this.store = store;
        this.modules = modules;
    }

    @GET
    @Path("live")
    public Map<String, Object> live() {
        return Map.of("status", "UP");
    }

    @GET
    @Path("ready")
    public Response ready() {
        Map<String, Object> checks = new LinkedHashMap<>();
        boolean ok = true;
        try {
            store.read(dsg -> dsg.isEmpty());
            checks.put("store", "UP");
        } catch (RuntimeException e) {
            checks.put("store", "DOWN: " + e.getMessage());
            ok = false;
        }
        for (NodeModule m : modules) {
            boolean r = m.ready();
            checks.put(m.name(), r ? "UP" : "DOWN");
            ok &= r;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", ok ? "UP" : "DOWN");
        body.put("checks", checks);
        return Response.status(ok ? 200 : 503).entity(body).build();
    }
}
