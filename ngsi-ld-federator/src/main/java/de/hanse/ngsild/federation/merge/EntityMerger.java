package de.hanse.ngsild.federation.merge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.hanse.ngsild.model.Ngsi;
import de.hanse.ngsild.registry.Registration.Mode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges the entities of several sources as clause 4.5.5 describes, as a pure function: entities are keyed on
 * {@code id}; {@code type} and {@code scope} are unions; each attribute is merged instance by instance per
 * {@code datasetId} (absent means the default instance). For one instance, expired candidates are dropped, answers
 * of exclusive/redirect sources win over inclusive ones, auxiliary sources only fill gaps, and among equals the newest
 * {@code observedAt} wins, then the newest {@code modifiedAt}, then the earlier source. Entities whose
 * {@code expiresAt} has passed are dropped. The result is sorted by id, so pages over it are stable.
 *
 * <p>Stateless and thread-safe; inputs are not modified.
 */
public final class EntityMerger {
    private EntityMerger() {}

    public static List<ObjectNode> merge(List<SourceEntities> sources, Instant now) {
        List<SourceEntities> nonEmpty = sources.stream().filter(src -> !src.entities().isEmpty()).toList();
        // nothing has expired and every attribute is in internal form: no entity needs looking at on its own
        boolean checks = nonEmpty.stream().anyMatch(src -> src.facts().needsChecks(now));
        if (!checks && nonEmpty.stream().allMatch(src -> src.facts().ids() != null)) return inStep(nonEmpty);
        // group first: an entity only one source knows (the usual case) passes through without being rebuilt
        Map<String, Object> byId = new HashMap<>();
        for (int s = 0; s < sources.size(); s++) {
            SourceEntities src = sources.get(s);
            for (ObjectNode e : src.entities()) {
                if (checks && expired(e, now)) continue;
                Part p = new Part(e, rank(src.mode()), s);
                byId.merge(e.path(Ngsi.ID).asText(), p, EntityMerger::group);
            }
        }
        List<String> ids = new ArrayList<>(byId.keySet());
        ids.sort(null);
        List<ObjectNode> out = new ArrayList<>(ids.size());
        for (String id : ids) {
            Object v = byId.get(id);
            if (v instanceof Part p && !(checks && hasExpiredInstance(p.entity(), now))) {
                out.add(p.entity());
                continue;
            }
            Acc acc = new Acc(id);
            if (v instanceof Part p) acc.add(p.entity(), p.rank(), p.order(), now);
            else for (Part p : parts(v)) acc.add(p.entity(), p.rank(), p.order(), now);
            out.add(acc.build());
        }
        return out;
    }

    /**
     * Sources whose ids are strictly increasing (a Hanse node answers in id order, the store lists in id order), none
     * needing expiry checks: walked in step, as a k-way merge of sorted lists, without hashing or sorting. A source's
     * run of ids below every other source's next id (sources that hold different id ranges, as cities whose ids name
     * the city) is copied without comparing further. Equal ids at several sources are merged in source order, as in
     * the general path, so the result is the same.
     */
    private static List<ObjectNode> inStep(List<SourceEntities> sources) {
        int k = sources.size();
        if (k == 0) return new ArrayList<>();
        if (k == 1) return new ArrayList<>(sources.get(0).entities());
        String[][] ids = new String[k][];
        int[] pos = new int[k];
        int total = 0;
        for (int s = 0; s < k; s++) {
            ids[s] = sources.get(s).facts().ids();
            total += ids[s].length;
        }
        java.util.PriorityQueue<Integer> heads = new java.util.PriorityQueue<>(k, (a, b) -> {
            int c = ids[a][pos[a]].compareTo(ids[b][pos[b]]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        for (int s = 0; s < k; s++) heads.add(s);
        List<ObjectNode> out = new ArrayList<>(total);
        List<Integer> same = new ArrayList<>();
        while (!heads.isEmpty()) {
            int s = heads.poll();
            Integer next = heads.peek();
            String bound = next == null ? null : ids[next][pos[next]];
            List<ObjectNode> es = sources.get(s).entities();
            while (pos[s] < ids[s].length && (bound == null || ids[s][pos[s]].compareTo(bound) < 0)) out.add(es.get(pos[s]++));
            if (pos[s] == ids[s].length) continue;
            if (!ids[s][pos[s]].equals(bound)) {
                heads.add(s);
                continue;
            }
            // the same id at several sources: merge them, in source order
            same.clear();
            same.add(s);
            while (!heads.isEmpty() && ids[heads.peek()][pos[heads.peek()]].equals(bound)) same.add(heads.poll());
            same.sort(null);
            Acc acc = new Acc(bound);
            for (int t : same) {
                acc.add(sources.get(t).entities().get(pos[t]), rank(sources.get(t).mode()), t, null);
                if (++pos[t] < ids[t].length) heads.add(t);
            }
            out.add(acc.build());
        }
        return out;
    }

    private record Part(ObjectNode entity, int rank, int order) {}

    private static Object group(Object a, Object b) {
        List<Part> l = a instanceof Part p ? new ArrayList<>(List.of(p)) : parts(a);
        l.add((Part) b);
        return l;
    }

    @SuppressWarnings("unchecked")
    private static List<Part> parts(Object v) {
        return (List<Part>) v;
    }

    private static boolean hasExpiredInstance(ObjectNode e, Instant now) {
        for (Iterator<Map.Entry<String, JsonNode>> it = e.fields(); it.hasNext(); ) {
            var a = it.next();
            if (!a.getValue().isArray()) {
                if (Ngsi.isAttribute(a.getKey())) return true; // not internal form: rebuild to normalise
                continue;
            }
            for (JsonNode inst : a.getValue()) if (inst.has(Ngsi.EXPIRES_AT) && expired(inst, now)) return true;
        }
        return false;
    }

    /**
     * The earliest {@code expiresAt} of any entity or attribute instance in the sources, or null: until then a
     * merge of the same sources gives the same result.
     */
    public static Instant earliestExpiry(List<SourceEntities> sources) {
        Instant min = null;
        for (SourceEntities src : sources) min = earlier(min, src.facts().earliest());
        return min;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    /** Higher wins: exclusive/redirect 2, inclusive 1, auxiliary 0. */
    private static int rank(Mode m) {
        return switch (m) {
            case EXCLUSIVE, REDIRECT -> 2;
            case INCLUSIVE -> 1;
            case AUXILIARY -> 0;
        };
    }

    private static boolean expired(JsonNode n, Instant now) {
        JsonNode x = n.get(Ngsi.EXPIRES_AT);
        Instant t = x == null ? null : instant(x);
        return t != null && !now.isBefore(t);
    }

    private static Instant instant(JsonNode v) {
        if (v == null || !v.isTextual()) return null;
        try {
            return Instant.parse(v.asText());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The entity under construction. */
    private static final class Acc {
        final String id;
        final Set<String> types = new LinkedHashSet<>();
        Set<String> scopes;
        String createdAt;
        String modifiedAt;
        /** attribute IRI -> datasetId -> chosen candidate */
        final Map<String, Map<String, Cand>> attrs = new java.util.LinkedHashMap<>();

        Acc(String id) {
            this.id = id;
        }

        void add(ObjectNode e, int rank, int order, Instant now) {
            types.addAll(Ngsi.types(e));
            JsonNode sc = e.get(Ngsi.SCOPE);
            if (sc != null) {
                if (scopes == null) scopes = new LinkedHashSet<>();
                if (sc.isArray()) sc.forEach(x -> scopes.add(x.asText()));
                else scopes.add(sc.asText());
            }
            createdAt = min(createdAt, e.path(Ngsi.CREATED_AT).asText(null));
            modifiedAt = max(modifiedAt, e.path(Ngsi.MODIFIED_AT).asText(null));
            for (Iterator<Map.Entry<String, JsonNode>> it = e.fields(); it.hasNext(); ) {
                var a = it.next();
                if (!Ngsi.isAttribute(a.getKey())) continue;
                Map<String, Cand> per = attrs.computeIfAbsent(a.getKey(), k -> new java.util.LinkedHashMap<>());
                for (ObjectNode inst : Ngsi.instances(e, a.getKey())) {
                    if (now != null && expired(inst, now)) continue;
                    Cand c = new Cand(inst, rank, order);
                    per.merge(Ngsi.datasetId(inst), c, (old, neu) -> neu.beats(old) ? neu : old);
                }
            }
        }

        ObjectNode build() {
            ObjectNode o = Ngsi.NODES.objectNode();
            o.put(Ngsi.ID, id);
            o.set(Ngsi.TYPE, Ngsi.array(types));
            if (scopes != null) o.set(Ngsi.SCOPE, Ngsi.array(scopes));
            if (createdAt != null) o.put(Ngsi.CREATED_AT, createdAt);
            if (modifiedAt != null) o.put(Ngsi.MODIFIED_AT, modifiedAt);
            attrs.forEach((name, per) -> {
                if (per.isEmpty()) return;
                ArrayNode arr = o.putArray(name);
                per.values().forEach(c -> arr.add(c.inst));
            });
            return o;
        }
    }

    private record Cand(ObjectNode inst, int rank, int order) {
        boolean beats(Cand other) {
            if (rank != other.rank) return rank > other.rank;
            int c = compareTime(inst.get(Ngsi.OBSERVED_AT), other.inst.get(Ngsi.OBSERVED_AT));
            if (c != 0) return c > 0;
            c = compareTime(inst.get(Ngsi.MODIFIED_AT), other.inst.get(Ngsi.MODIFIED_AT));
            if (c != 0) return c > 0;
            return order < other.order;
        }
    }

    /** Positive if {@code a} is newer; a present time beats an absent one. */
    private static int compareTime(JsonNode a, JsonNode b) {
        if (a != null && b != null && a.isTextual() && b.isTextual()) {
            String p = a.asText();
            String q = b.asText();
            // same-shape UTC timestamps order like their text: skip parsing on the hot path
            if (p.length() == q.length() && p.endsWith("Z") && q.endsWith("Z")) return Integer.signum(p.compareTo(q));
        }
        Instant x = instant(a);
        Instant y = instant(b);
        if (x == null && y == null) return 0;
        if (x == null) return -1;
        if (y == null) return 1;
        return x.compareTo(y);
    }

    private static String min(String a, String b) {
        if (a == null) return b;
        if (b == null) return a;
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String max(String a, String b) {
        if (a == null) return b;
        if (b == null) return a;
        return a.compareTo(b) >= 0 ? a : b;
    }
}
