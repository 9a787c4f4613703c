package de.hanse.catalogue.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.glassfish.jersey.server.model.ResourceModel;
import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;

/**
 * Records the final Jersey resource model when the application has initialised, so the OpenAPI document can be
 * checked against what the node really serves. Thread-safe (the model is published once, through a volatile field).
 */
public final class ResourceModelRecorder implements ApplicationEventListener {
    private volatile List<String> operations = List.of();

    @Override
    public void onEvent(ApplicationEvent event) {
        if (event.getType() == ApplicationEvent.Type.INITIALIZATION_FINISHED) operations = operations(event.getResourceModel());
    }

    @Override
    public RequestEventListener onRequest(RequestEvent requestEvent) {
        return null;
    }

    /** Every resource method as {@code "get /api/datasets/{id}"} (templates without regexes), sorted; empty before start. */
    public List<String> operations() {
        return operations;
    }

    static List<String> operations(ResourceModel model) {
        TreeSet<String> out = new TreeSet<>();
        for (Resource r : model.getRootResources()) collect(r, "", out);
        return new ArrayList<>(out);
    }

    private static void collect(Resource r, String prefix, TreeSet<String> out) {
        String path = join(prefix, r.getPath());
        // Extended methods are Jersey's generated OPTIONS/HEAD answers, not operations of the API.
        for (ResourceMethod m : r.getResourceMethods()) if (!m.isExtended()) out.add(m.getHttpMethod().toLowerCase(java.util.Locale.ROOT) + " " + path);
        for (Resource child : r.getChildResources()) if (!child.isExtended()) collect(child, path, out);
    }

    /** Joins path segments and strips template regexes: {@code {id: .+}} becomes {@code {id}}. */
    static String join(String prefix, String path) {
        String p = path == null ? "" : path.replaceAll("\\{\\s*([^:}\\s]+)\\s*:[^}]*}", "{$1}");
        String joined = (prefix + "/" + p).replaceAll("/+", "/");
        if (joined.length() > 1 && joined.endsWith("/")) joined = joined.substring(0, joined.length() - 1);
        return joined.isEmpty() ? "/" : joined;
    }
}
