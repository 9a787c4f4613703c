package de.hanse.ngsild.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.hanse.core.http.Problem;
import de.hanse.core.store.NodeStore;
import de.hanse.ngsild.model.Ngsi;
import de.hanse.ngsild.store.JsonDocStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Context source registrations per tenant, persisted in TDB2 (via {@link JsonDocStore}), with their parsed form
 * cached and their delivery status ({@code timesSent}, {@code timesFailed}, {@code lastSuccess},
 * {@code lastFailure}) counted in memory (it restarts at zero with the node).
 *
 * <p>Thread-safe.
 */
public final class RegistrationStore {
    private final JsonDocStore docs;
    private final Map<String, Registration> parsed = new ConcurrentHashMap<>();
    private final Map<String, Status> status = new ConcurrentHashMap<>();

    public RegistrationStore(NodeStore store) {
        this.docs = new JsonDocStore(store, "registrations");
    }

    /** Stores a new registration (stored form); assigns an id if missing; 409 on a duplicate id or exclusive overlap. */
    public String create(String tenant, ObjectNode doc) {
        synchronized (docs) {
            if (!doc.has("id")) doc.put("id", "urn:ngsi-ld:ContextSourceRegistration:" + UUID.randomUUID());
            String id = doc.get("id").asText();
            if (docs.get(tenant, id) != null)
                throw Problem.ngsiLd(409, "AlreadyExists", "registration " + id + " already exists").toException();
            Registration r = RegistrationCodec.toRegistration(doc);
            checkOverlap(tenant, r);
            doc.put("createdAt", Instant.now().toString());
            docs.apply(tenant, List.of(doc), List.of());
            return id;
        }
    }

    /** Replaces top-level members of a registration (PATCH); 404 if absent. */
    public void update(String tenant, String id, ObjectNode patch) {
        synchronized (docs) {
            ObjectNode cur = docs.get(tenant, id);
            if (cur == null) throw Ngsi.notFound("registration " + id + " not found");
            ObjectNode next = cur.deepCopy();
            patch.fields().forEachRemaining(e -> {
                if (!e.getKey().equals("id")) next.set(e.getKey(), e.getValue());
            });
            Registration r = RegistrationCodec.toRegistration(next);
            checkOverlap(tenant, r);
            next.put("modifiedAt", Instant.now().toString());
            docs.apply(tenant, List.of(next), List.of());
            parsed.remove(key(tenant, id));
        }
    }

    public void delete(String tenant, String id) {
        synchronized (docs) {
            if (docs.get(tenant, id) == null) throw Ngsi.notFound("registration " + id + " not found");
            docs.apply(tenant, List.of(), List.of(id));
            parsed.remove(key(tenant, id));
            status.remove(key(tenant, id));
        }
    }

    public ObjectNode document(String tenant, String id) {
        return docs.get(tenant, id);
    }

    /** Every registration of a tenant that has not expired, oldest first. */
    public List<Registration> active(String tenant) {
        Instant now = Instant.now();
        List<Registration> out = new ArrayList<>();
        for (ObjectNode d : docs.all(tenant)) {
            Registration r = parsed.computeIfAbsent(key(tenant, d.get("id").asText()), k -> RegistrationCodec.toRegistration(d));
            if (r.document() != d) {
                r = RegistrationCodec.toRegistration(d);
                parsed.put(key(tenant, r.id()), r);
            }
            if (!r.expired(now)) out.add(r);
        }
        // registration order decides ties in the merge: keep it stable (oldest first)
        out.sort(java.util.Comparator.comparing((Registration r) -> r.document().path("createdAt").asText()).thenComparing(Registration::id));
        return out;
    }

    public boolean hasTenant(String tenant) {
        return docs.hasTenant(tenant);
    }

    private void checkOverlap(String tenant, Registration r) {
        if (r.mode() != Registration.Mode.EXCLUSIVE) return;
        for (Registration o : active(tenant)) {
            if (o.id().equals(r.id()) || (o.mode() != Registration.Mode.EXCLUSIVE && o.mode() != Registration.Mode.REDIRECT)) continue;
            for (Registration.Info a : r.information())
                for (Registration.Info b : o.information())
                    if (overlap(a, b))
                        throw Problem.ngsiLd(409, "AlreadyExists", "exclusive registration overlaps " + o.id()).toException();
        }
    }

    private static boolean overlap(Registration.Info a, Registration.Info b) {
        boolean ids = a.entities().stream().anyMatch(x -> b.entities().stream()
                .anyMatch(y -> Objects.equals(x.id(), y.id()) || (y.id() == null && x.type().equals(y.type()))));
        boolean attrs = b.attributeNames().isEmpty() || a.attributeNames().stream().anyMatch(b.attributeNames()::contains);
        return ids && attrs;
    }

    /** Records the outcome of one forwarded request. */
    public void record(String tenant, String id, boolean success) {
        Status s = status.computeIfAbsent(key(tenant, id), k -> new Status());
        s.sent.incrementAndGet();
        if (success) s.lastSuccess.set(Instant.now());
        else {
            s.failed.incrementAndGet();
            s.lastFailure.set(Instant.now());
        }
    }

    /** The status members of a registration's answer. */
    public ObjectNode status(String tenant, String id) {
        Status s = status.get(key(tenant, id));
        ObjectNode o = Ngsi.NODES.objectNode();
        long sent = s == null ? 0 : s.sent.get();
        long failed = s == null ? 0 : s.failed.get();
        Instant ok = s == null ? null : s.lastSuccess.get();
        Instant bad = s == null ? null : s.lastFailure.get();
        o.put("status", bad != null && (ok == null || bad.isAfter(ok)) ? "failed" : "ok");
        o.put("timesSent", sent);
        o.put("timesFailed", failed);
        if (ok != null) o.put("lastSuccess", ok.toString());
        if (bad != null) o.put("lastFailure", bad.toString());
        return o;
    }

    private static String key(String tenant, String id) {
        return tenant + "\u0000" + id;
    }

    private static final class Status {
        final AtomicLong sent = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final AtomicReference<Instant> lastSuccess = new AtomicReference<>();
        final AtomicReference<Instant> lastFailure = new AtomicReference<>();
    }
}
