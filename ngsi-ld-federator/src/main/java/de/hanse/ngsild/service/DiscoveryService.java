package de.hanse.ngsild.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.hanse.ngsild.federation.execution.ForwardResult;
import de.hanse.ngsild.federation.execution.Forwarder;
import de.hanse.ngsild.federation.execution.SourceAnswer;
import de.hanse.ngsild.federation.execution.Warning;
import de.hanse.ngsild.federation.selection.Selection;
import de.hanse.ngsild.federation.selection.SourceSelector;
import de.hanse.ngsild.model.Ngsi;
import de.hanse.ngsild.registry.Operations;
import de.hanse.ngsild.registry.Registration;
import de.hanse.ngsild.registry.RegistrationStore;
import de.hanse.ngsild.store.EntityStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * {@code GET /types} and {@code GET /attributes}: the union of what local entities use, what registrations declare
 * (so registered types are listed even before anyone asks the source) and what the sources answer.
 *
 * <p>Thread-safe.
 */
public final class DiscoveryService {
    private final EntityStore store;
    private final RegistrationStore registrations;
    private final Forwarder forwarder;
    private final QueryService queries;
    private final String self;

    public DiscoveryService(EntityStore store, RegistrationStore registrations, Forwarder forwarder, QueryService queries, String self) {
        this.store = store;
        this.registrations = registrations;
        this.forwarder = forwarder;
        this.queries = queries;
        this.self = self;
    }

    /** The answer body and its warnings. */
    public record Listing(ObjectNode body, List<String> warnings) {}

    public Listing types(RequestScope scope, boolean local) {
        queries.requireTenant(scope.tenant());
        Set<String> names = new TreeSet<>();
        store.all(scope.tenant()).forEach(e -> names.addAll(Ngsi.types(e)));
        for (Registration r : registrations.active(scope.tenant()))
            r.information().forEach(i -> i.entities().forEach(s -> names.add(s.type())));
        List<String> warnings = local ? new ArrayList<>() : remote(scope, Operations.ENTITY_TYPES, "types", "typeList", names);
        return new Listing(list("EntityTypeList", "typeList", names, scope), warnings);
    }

    public Listing attributes(RequestScope scope, boolean local) {
        queries.requireTenant(scope.tenant());
        Set<String> names = new TreeSet<>();
        store.all(scope.tenant()).forEach(e -> e.fieldNames().forEachRemaining(k -> {
            if (Ngsi.isAttribute(k)) names.add(k);
        }));
        for (Registration r : registrations.active(scope.tenant())) r.information().forEach(i -> names.addAll(i.attributeNames()));
        List<String> warnings = local ? new ArrayList<>() : remote(scope, Operations.ATTR_TYPES, "attributes", "attributeList", names);
        return new Listing(list("AttributeList", "attributeList", names, scope), warnings);
    }

    private List<String> remote(RequestScope scope, String op, String path, String member, Set<String> names) {
        List<String> warnings = new ArrayList<>();
        if (scope.via().contains(self)) return warnings;
        Selection sel = SourceSelector.forDiscovery(op, registrations.active(scope.tenant()), scope.via(), path);
        sel.loops().forEach(r -> warnings.add(new Warning(199, r.agent(), "loop detected, source not asked").header()));
        ForwardResult fr = forwarder.forward(sel.targets(), queries.forwardRequest(scope),
                b -> b.path(member).isArray() ? null : "no " + member);
        for (SourceAnswer a : fr.answers()) {
            Set<String> declared = declared(a.registration(), op.equals(Operations.ENTITY_TYPES));
            for (JsonNode body : a.bodies())
                body.get(member).forEach(n -> {
                    String iri = scope.context().expand(n.asText());
                    if (declared == null || declared.contains(iri)) names.add(iri);
                });
            QueryService.relay(a, warnings);
        }
        fr.warnings().forEach(w -> warnings.add(w.header()));
        return warnings;
    }

    /** What a registration claims (types or attribute names); null when some information item claims everything. */
    private static Set<String> declared(Registration r, boolean types) {
        Set<String> out = new java.util.HashSet<>();
        for (Registration.Info i : r.information()) {
            if (types) {
                if (i.entities().isEmpty()) return null;
                i.entities().forEach(s -> out.add(s.type()));
            } else {
                if (i.attributeNames().isEmpty()) return null;
                out.addAll(i.attributeNames());
            }
        }
        return out;
    }

    private static ObjectNode list(String type, String member, Set<String> names, RequestScope scope) {
        ObjectNode o = Ngsi.NODES.objectNode();
        o.put("id", "urn:ngsi-ld:" + type + ":" + UUID.nameUUIDFromBytes(String.join(" ", names).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        o.put("type", type);
        var arr = o.putArray(member);
        names.stream().map(n -> scope.context().compact(n)).sorted().distinct().forEach(arr::add);
        return o;
    }
}
