package de.hanse.ngsild.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.hanse.core.http.CallContext;
import de.hanse.core.http.Problem;
import de.hanse.ngsild.federation.execution.ForwardRequest;
import de.hanse.ngsild.federation.execution.ForwardResult;
import de.hanse.ngsild.federation.execution.Forwarder;
import de.hanse.ngsild.federation.execution.SourceAnswer;
import de.hanse.ngsild.federation.execution.Warning;
import de.hanse.ngsild.federation.merge.EntityMerger;
import de.hanse.ngsild.federation.merge.SourceEntities;
import de.hanse.ngsild.federation.selection.Selection;
import de.hanse.ngsild.federation.selection.SourceSelector;
import de.hanse.ngsild.model.EntityExpander;
import de.hanse.ngsild.model.Ngsi;
import de.hanse.ngsild.query.EntityQuery;
import de.hanse.ngsild.query.Projection;
import de.hanse.ngsild.registry.Operations;
import de.hanse.ngsild.registry.Registration;
import de.hanse.ngsild.registry.RegistrationStore;
import de.hanse.ngsild.store.EntityStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers entity queries and retrievals from the local store and every matching registered source: plans with
 * {@link SourceSelector}, forwards with {@link Forwarder} under one deadline, merges with {@link EntityMerger}, then
 * filters, counts, pages and projects the merged list, so counts are de-duplicated and pages never repeat or skip.
 *
 * <p>Thread-safe.
 */
public final class QueryService {
    private static final int MAX_RELAYED_WARNINGS = 32;
    private final EntityStore store;
    private final RegistrationStore registrations;
    private final Forwarder forwarder;
    private final String self;
    private final Duration timeout;
    private final int maxLimit;

    public QueryService(EntityStore store, RegistrationStore registrations, Forwarder forwarder, String self,
                        Duration timeout, int maxLimit) {
        this.store = store;
        this.registrations = registrations;
        this.forwarder = forwarder;
        this.self = self;
        this.timeout = timeout;
        this.maxLimit = maxLimit;
    }

    /** {@code GET /entities} (operation queryEntity) or, with {@code operation} retrieveEntity, {@code GET /entities/{id}}. */
    public QueryOutcome query(EntityQuery q, RequestScope scope, String operation) {
        requireTenant(scope.tenant());
        List<SourceEntities> sources = new ArrayList<>();
        List<ObjectNode> local = new ArrayList<>();
        for (ObjectNode e : store.all(scope.tenant())) if (q.matches(e)) local.add(e);
        sources.add(new SourceEntities("local", Registration.Mode.INCLUSIVE, local));
        List<String> warnings = new ArrayList<>();
        if (!q.local() && !scope.via().contains(self)) {
            Selection sel = SourceSelector.forQuery(q, operation, registrations.active(scope.tenant()), scope.via(), maxLimit);
            for (Registration r : sel.loops()) {
                // an exclusive or redirect source is the only one for what it covers: without it the answer is wrong
                if (r.mode() == Registration.Mode.EXCLUSIVE || r.mode() == Registration.Mode.REDIRECT)
                    throw Problem.ngsiLd(508, "LoopDetected", "registration " + r.id() + " (" + r.mode().name().toLowerCase(java.util.Locale.ROOT)
                            + ") leads back to " + r.agent() + ", which already handled this request (Via)").toException();
                warnings.add(new Warning(199, r.agent(), "loop detected, source not asked").header());
            }
            ForwardResult fr = forwarder.forward(sel.targets(), forwardRequest(scope), QueryService::validateEntities);
            for (SourceAnswer a : fr.answers()) {
                try {
                    sources.add(new SourceEntities(a.registration().agent(), a.registration().mode(), expand(a, scope)));
                    relay(a, warnings);
                } catch (RuntimeException e) {
                    warnings.add(new Warning(111, a.registration().agent(), "invalid entity from source, not merged: " + e.getMessage()).header());
                }
            }
            fr.warnings().forEach(w -> warnings.add(w.header()));
        }
        List<ObjectNode> merged = EntityMerger.merge(sources, Instant.now());
        List<ObjectNode> matching = new ArrayList<>(merged.size());
        for (ObjectNode e : merged) if (q.matches(e)) matching.add(e);
        int from = Math.min(q.offset(), matching.size());
        int to = (int) Math.min((long) from + q.limit(), matching.size());
        List<ObjectNode> page = new ArrayList<>(to - from);
        for (ObjectNode e : matching.subList(from, to)) page.add(Projection.apply(e, q));
        return new QueryOutcome(page, matching.size(), warnings);
    }

    /** 404 NonexistentTenant unless the tenant has entities or registrations. */
    public void requireTenant(String tenant) {
        if (!store.hasTenant(tenant) && !registrations.hasTenant(tenant)) store.requireTenant(tenant);
    }

    ForwardRequest forwardRequest(RequestScope scope) {
        return new ForwardRequest(scope.tenant(), scope.via(), self, scope.link(), scope.headers(),
                new CallContext(null, scope.headers().get("authorization"), scope.headers().get("traceparent"),
                        Instant.now().plus(timeout)));
    }

    static void relay(SourceAnswer a, List<String> warnings) {
        for (String w : a.relayedWarnings()) if (warnings.size() < MAX_RELAYED_WARNINGS) warnings.add(w);
    }

    private static List<ObjectNode> expand(SourceAnswer a, RequestScope scope) {
        List<ObjectNode> out = new ArrayList<>();
        for (JsonNode body : a.bodies())
            for (JsonNode e : body) out.add(EntityExpander.entity(e, scope.context(), null));
        return out;
    }

    private static String validateEntities(JsonNode body) {
        if (!body.isArray()) return "expected a JSON array of entities";
        for (JsonNode e : body)
            if (!e.isObject() || !e.path(Ngsi.ID).isTextual() || !(e.path(Ngsi.TYPE).isTextual() || e.path(Ngsi.TYPE).isArray()))
                return "an element is not an entity with id and type";
        return null;
    }

    /** Whether a retrieval may be answered: the planner's operation names, for resources. */
    public static String operation(boolean retrieve) {
        return retrieve ? Operations.RETRIEVE_ENTITY : Operations.QUERY_ENTITY;
    }

    /** 404 for an entity retrieval that found nothing anywhere. */
    public static Problem notFound(String id) {
        return Problem.ngsiLd(404, "ResourceNotFound", "entity " + id + " not found");
    }
}
