package de.hanse.ngsild.federation.selection;

import de.hanse.ngsild.federation.Via;
import de.hanse.ngsild.query.EntityQuery;
import de.hanse.ngsild.query.GeoQuery;
import de.hanse.ngsild.registry.Operations;
import de.hanse.ngsild.registry.Registration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plans a distributed query: which registrations can contribute (operation, entity type, id, attributes, location)
 * and what to ask each, with the registration's own restrictions intersected with the query (its types when the
 * query names none, the common attributes, its entity ids). Registrations whose source appears in the incoming
 * {@code Via} are reported as loops instead. Pure planning, no I/O; stateless.
 */
public final class SourceSelector {
    private SourceSelector() {}

    /**
     * @param maxLimit page size to ask sources for
     */
    public static Selection forQuery(EntityQuery q, String operation, List<Registration> registrations, Via via, int maxLimit) {
        List<ForwardTarget> targets = new ArrayList<>();
        List<Registration> loops = new ArrayList<>();
        for (Registration r : registrations) {
            if (!r.supports(operation)) continue;
            Set<String> types = new LinkedHashSet<>();
            Set<String> ids = new LinkedHashSet<>();
            Set<String> names = new LinkedHashSet<>();
            boolean anyAttrs = false;
            boolean match = false;
            for (Registration.Info info : r.information()) {
                List<Registration.Selector> sels = matchingSelectors(q, info);
                if (sels == null) continue;
                Set<String> infoNames = info.attributeNames();
                if (q.attrs() != null && !infoNames.isEmpty() && q.attrs().stream().noneMatch(infoNames::contains)) continue;
                match = true;
                for (Registration.Selector s : sels) {
                    types.add(s.type());
                    ids.add(s.id());
                }
                if (infoNames.isEmpty()) anyAttrs = true;
                else names.addAll(infoNames);
            }
            if (!match || !locationMatches(q.geo(), r)) continue;
            if (r.alias() != null && via.contains(r.alias())) {
                loops.add(r);
                continue;
            }
            targets.add(new ForwardTarget(r, "entities", params(q, types, ids, anyAttrs ? null : names, maxLimit)));
        }
        return new Selection(targets, loops);
    }

    /** Selectors of an info item the query can hit; an empty list means "any entity"; null means no match. */
    private static List<Registration.Selector> matchingSelectors(EntityQuery q, Registration.Info info) {
        if (info.entities().isEmpty()) return List.of();
        List<Registration.Selector> out = new ArrayList<>();
        for (Registration.Selector s : info.entities()) {
            if (q.type() != null && !q.type().mentioned().contains(s.type())) continue;
            if (!q.ids().isEmpty()) {
                if (s.id() != null && !q.ids().contains(s.id())) continue;
                if (s.idPattern() != null && q.ids().stream().noneMatch(i -> s.idPattern().matcher(i).matches())) continue;
            }
            if (q.idPattern() != null && s.id() != null && !q.idPattern().matcher(s.id()).matches()) continue;
            out.add(s);
        }
        return out.isEmpty() ? null : out;
    }

    private static boolean locationMatches(GeoQuery geo, Registration r) {
        if (geo == null || r.location() == null) return true;
        return switch (geo.parameters()[0].split(";")[0]) {
            case "near" -> geo.parameters()[0].contains("minDistance")
                    || GeoQuery.metres(r.location(), geo.geometry()) <= Double.parseDouble(geo.parameters()[0].split("==")[1]);
            case "disjoint" -> true;
            default -> r.location().intersects(geo.geometry());
        };
    }

    private static Map<String, String> params(EntityQuery q, Set<String> types, Set<String> ids, Set<String> names, int maxLimit) {
        Map<String, String> p = new LinkedHashMap<>();
        if (!q.ids().isEmpty()) p.put("id", String.join(",", q.ids()));
        else if (!ids.isEmpty() && !ids.contains(null)) p.put("id", String.join(",", ids));
        if (q.raw().get("idPattern") != null) p.put("idPattern", q.raw().get("idPattern"));
        if (q.type() != null) p.put("type", q.type().expandedText());
        else if (!types.isEmpty()) p.put("type", String.join(",", types));
        Set<String> attrs = q.attrs();
        if (attrs != null && names != null) {
            attrs = new LinkedHashSet<>(attrs);
            attrs.retainAll(names);
        } else if (attrs == null && names != null) {
            attrs = names;
        }
        if (attrs != null) p.put("attrs", String.join(",", attrs));
        for (String k : List.of("q", "georel", "geometry", "coordinates", "scopeQ", "lang", "datasetId"))
            if (q.raw().get(k) != null) p.put(k, q.raw().get(k));
        if (q.geo() != null) p.put("geoproperty", q.geo().property());
        p.put("options", "sysAttrs");
        p.put("limit", Integer.toString(maxLimit));
        p.put("count", "true");
        return p;
    }

    /** Registrations to ask for {@code /types} or {@code /attributes}. */
    public static Selection forDiscovery(String operation, List<Registration> registrations, Via via, String path) {
        List<ForwardTarget> targets = new ArrayList<>();
        List<Registration> loops = new ArrayList<>();
        for (Registration r : registrations) {
            if (!r.supports(operation)) continue;
            if (r.alias() != null && via.contains(r.alias())) loops.add(r);
            else targets.add(new ForwardTarget(r, path, Map.of()));
        }
        return new Selection(targets, loops);
    }

    /** Operation name check for callers that do not plan. */
    public static boolean isQuery(String op) {
        return Operations.QUERY_ENTITY.equals(op) || Operations.RETRIEVE_ENTITY.equals(op);
    }
}
