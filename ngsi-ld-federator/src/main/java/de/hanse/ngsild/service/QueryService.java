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
        long localVersion = store.version();
        java.util.Map<String, String> filter = filterOf(q);
        List<String> warnings = new ArrayList<>();
        List<SourceAnswer> answers = List.of();
        boolean reusable = false;
        if (!q.local() && !scope.via().contains(self)) {
            Selection sel = SourceSelector.forQuery(q, operation, registrations.active(scope.tenant()), scope.via(), maxLimit);
            for (Registration r : sel.loops()) {
                // an exclusive or redirect source is the only one for what it covers: without it the answer is wrong
                if (r.mode() == Registration.Mode.EXCLUSIVE || r.mode() == Registration.Mode.REDIRECT)
                    throw Problem.ngsiLd(508, "LoopDetected", "registration " + r.id() + " (" + r.mode().name().toLowerCase(java.util.Locale.ROOT)
                            + ") leads back to " + r.agent() + ", which already handled this request (Via)").toException();
                warnings.add(new Warning(199, r.agent(), "loop detected, source not asked").header());
            }
            ForwardResult fr = forwarder.forward(sel.targets(), forwardRequest(scope), QueryService::validateEntities,
                    a -> expanded(a, scope).matching(q, filter));
            answers = fr.answers();
            // only answers from the answer cache come back as the same objects: only then can a result be reused
            reusable = !answers.isEmpty() && fr.warnings().isEmpty() && answers.size() == sel.targets().size()
                    && answers.stream().allMatch(a -> a.registration().cacheFor() != null && a.relayedWarnings().isEmpty());
            fr.warnings().forEach(w -> warnings.add(w.header()));
        }
        MergeKey key = reusable ? new MergeKey(scope.tenant(), operation, scope.context(), filter, localVersion,
                answers.stream().map(Identity::new).toList()) : null;
        Instant now = Instant.now();
        Merged m;
        if (key == null) {
            m = merge(q, filter, scope, answers, warnings, now, false);
        } else {
            // concurrent queries over the same answers wait for one merge instead of each merging
            Merged[] fresh = {null};
            List<SourceAnswer> inputs = answers;
            m = merged.asMap().compute(key, (k, old) -> {
                if (old != null && (old.validUntil() == null || now.isBefore(old.validUntil()))) return old;
                Merged x = merge(q, filter, scope, inputs, warnings, now, true);
                fresh[0] = x;
                return x.clean() ? new Merged(x.matching(), x.validUntil(), true,
                        inputs.stream().map(a -> a.registration().cacheFor()).min(Duration::compareTo).orElseThrow()) : null;
            });
            if (m == null) m = fresh[0];
        }
        List<ObjectNode> matching = m.matching();
        int from = Math.min(q.offset(), matching.size());
        int to = (int) Math.min((long) from + q.limit(), matching.size());
        List<ObjectNode> page = new ArrayList<>(to - from);
        for (ObjectNode e : matching.subList(from, to)) page.add(Projection.apply(e, q));
        boolean stored = answers.isEmpty() && q.attrs() == null && q.pick() == null && q.omit() == null;
        return new QueryOutcome(page, matching.size(), warnings, m.clean() && key != null ? m.rendered() : null, stored);
    }

    /**
     * Merges local and remote entities and keeps those that match; {@code clean} when no answer had to be dropped.
     * Only a result that will be {@code kept} needs its validity (the earliest expiresAt among the inputs).
     */
    private Merged merge(EntityQuery q, java.util.Map<String, String> filter, RequestScope scope, List<SourceAnswer> answers,
                         List<String> warnings, Instant now, boolean kept) {
        List<SourceEntities> sources = new ArrayList<>(answers.size() + 1);
        List<ObjectNode> local = new ArrayList<>();
        for (ObjectNode e : store.all(scope.tenant())) if (q.matches(e)) local.add(e);
        sources.add(new SourceEntities("local", Registration.Mode.INCLUSIVE, local));
        boolean clean = true;
        List<Expanded> remote = new ArrayList<>(answers.size());
        for (SourceAnswer a : answers) {
            try {
                Expanded x = expanded(a, scope);
                sources.add(new SourceEntities(a.registration().agent(), a.registration().mode(), x.entities(), x.facts()));
                remote.add(x);
                relay(a, warnings);
            } catch (RuntimeException e) {
                clean = false;
                warnings.add(new Warning(111, a.registration().agent(), "invalid entity from source, not merged: " + e.getMessage()).header());
            }
        }
        List<ObjectNode> all = EntityMerger.merge(sources, now);
        // the merge hands back an input entity as the very object when it came from one source and lost nothing
        // (the usual case): its verdict is the one it got on its own (local ones matched above; remote ones as they
        // arrived, while other sources were still answering). Only entities the merge built are matched here.
        java.util.Map<ObjectNode, Boolean> verdict = new java.util.IdentityHashMap<>(2 * all.size());
        for (ObjectNode e : local) verdict.put(e, Boolean.TRUE);
        for (Expanded x : remote) {
            java.util.Set<ObjectNode> alone = x.matching(q, filter);
            for (ObjectNode e : x.entities()) verdict.put(e, alone.contains(e));
        }
        List<ObjectNode> matching = new ArrayList<>(all.size());
        for (ObjectNode e : all) {
            Boolean v = verdict.get(e);
            if (v == null ? q.matches(e) : v) matching.add(e);
        }
        return new Merged(List.copyOf(matching), kept ? EntityMerger.earliestExpiry(sources) : null, clean, Duration.ZERO);
    }

    /** The parameters that decide which entities match (everything but paging, counting and representation). */
    private static java.util.Map<String, String> filterOf(EntityQuery q) {
        java.util.Map<String, String> f = new java.util.TreeMap<>(q.raw());
        for (String k : NOT_FILTERS) f.remove(k);
        return f;
    }

    private static final List<String> NOT_FILTERS = List.of("limit", "offset", "count", "options", "format", "pick", "omit");

    /**
     * Merged, matching entities of one query over the same answer objects (from the answer cache), the same local
     * entities (store version) and the same requester context: queries that differ only in paging or
     * representation, and repeats within the sources' {@code cacheDuration}, skip expansion, merge and filtering.
     */
    private record MergeKey(String tenant, String operation, de.hanse.ngsild.jsonld.LdContext context,
                            java.util.Map<String, String> filter, long localVersion, List<Identity> answers) {}

    /** Compares by identity: an answer is the same only if it is the very object the answer cache handed out. */
    private record Identity(Object o) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Identity i && i.o == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(o);
        }
    }

    /**
     * @param validUntil the earliest expiresAt among the inputs (null: none), after which the merge is redone
     * @param ttl        how long it is kept: the shortest {@code cacheDuration} of its answers (afterwards the
     *                   answer cache hands out new answers, so the key could never match again)
     * @param rendered   rendered pages of this result, kept by the API layer ({@link QueryOutcome#rendered})
     */
    private record Merged(List<ObjectNode> matching, Instant validUntil, boolean clean, Duration ttl,
                          java.util.concurrent.ConcurrentMap<Object, Object> rendered) {
        Merged(List<ObjectNode> matching, Instant validUntil, boolean clean, Duration ttl) {
            this(matching, validUntil, clean, ttl, new java.util.concurrent.ConcurrentHashMap<>());
        }
    }

    private final com.github.benmanes.caffeine.cache.Cache<MergeKey, Merged> merged = com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
            .maximumSize(256).expireAfter(com.github.benmanes.caffeine.cache.Expiry.creating((MergeKey k, Merged v) -> v.ttl())).build();

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

    /**
     * The answer's entities in internal form, expanded with the requester's context: computed once per answer and
     * context (an answer from the cache is reused by every query in its {@code cacheDuration}); the list and its
     * entities are shared, so callers must not mutate them (the merge and the projection copy).
     */
    static Expanded expanded(SourceAnswer a, RequestScope scope) {
        // keyed by the context object itself (identity): the resolver hands out one object per context document
        return a.derived(new ExpansionKey(scope.context()), answer -> {
            List<ObjectNode> out = new ArrayList<>();
            for (JsonNode body : answer.bodies())
                for (JsonNode e : body) out.add(EntityExpander.entity(e, scope.context(), null));
            List<ObjectNode> entities = List.copyOf(out);
            return new Expanded(entities, SourceEntities.Facts.of(entities), new java.util.concurrent.ConcurrentHashMap<>());
        });
    }

    private record ExpansionKey(de.hanse.ngsild.jsonld.LdContext context) {}

    /**
     * An answer's entities expanded with one context, what the merge needs to know about them (computed with the
     * expansion, as the answer arrives), and per filter parameters ({@link #filterOf}) those of them
     * that match on their own (identity sets, so they belong to this very expansion; at most
     * {@value #MAX_VERDICTS} filters are kept, further ones are computed on each call).
     */
    record Expanded(List<ObjectNode> entities, SourceEntities.Facts facts, java.util.concurrent.ConcurrentMap<java.util.Map<String, String>, java.util.Set<ObjectNode>> alone) {
        private static final int MAX_VERDICTS = 16;

        java.util.Set<ObjectNode> matching(EntityQuery q, java.util.Map<String, String> filter) {
            java.util.Set<ObjectNode> kept = alone.get(filter);
            if (kept != null) return kept;
            java.util.Set<ObjectNode> s = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>(2 * entities.size()));
            for (ObjectNode e : entities) if (q.matches(e)) s.add(e);
            java.util.Set<ObjectNode> fresh = java.util.Collections.unmodifiableSet(s);
            if (alone.size() >= MAX_VERDICTS) return fresh;
            kept = alone.putIfAbsent(filter, fresh);
            return kept != null ? kept : fresh;
        }
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
