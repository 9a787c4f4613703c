package de.hanse.ngsild.query;

import de.hanse.core.http.Problem;
import de.hanse.ngsild.jsonld.LdContext;
import de.hanse.ngsild.model.Format;
import de.hanse.ngsild.model.Ngsi;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A parsed entity query (clause 5.7.2 / 6.4.3.2): the filter ({@code id}, {@code idPattern}, {@code type}, {@code q},
 * geo-query, {@code attrs}), the projection ({@code attrs}, {@code pick}, {@code omit}), paging and format. Names are
 * expanded with {@link #context()}. Immutable; the raw parameters are kept for forwarding.
 *
 * @param ids       entity ids (empty: any)
 * @param idPattern regex over ids, or null
 * @param type      type selection, or null
 * @param q         attribute filter, or null
 * @param geo       geo filter, or null
 * @param attrs     attribute IRIs to return and of which an entity needs at least one (null: all)
 * @param pick      attribute IRIs (plus {@code id}/{@code type}) to keep, or null
 * @param omit      attribute IRIs to drop, or null
 * @param limit     page size
 * @param offset    page start
 * @param count     whether to report the total
 * @param format    representation
 * @param local     answer from local data only
 * @param context   the requester's context
 * @param raw       the original parameters (forwarded to sources)
 */
public record EntityQuery(List<String> ids, Pattern idPattern, TypeExpr type, QExpr q, GeoQuery geo, Set<String> attrs,
                          Set<String> pick, Set<String> omit, int limit, int offset, boolean count, Format format,
                          boolean local, LdContext context, Map<String, String> raw) {

    /**
     * Parses query parameters; {@code requireFilter} enforces "type, attrs, q or a geo-query" (400 otherwise) for
     * {@code GET /entities} without {@code id}/{@code idPattern}/{@code local=true}.
     */
    public static EntityQuery parse(Map<String, String> p, LdContext ctx, int defaultLimit, int maxLimit, boolean requireFilter) {
        List<String> ids = p.get("id") == null ? List.of() : List.of(p.get("id").split(","));
        for (String id : ids) if (!de.hanse.ngsild.model.EntityExpander.isUri(id)) throw Ngsi.badData("id is not a URI: " + id);
        Pattern idPattern = null;
        if (p.get("idPattern") != null) {
            try {
                idPattern = Pattern.compile(p.get("idPattern"));
            } catch (PatternSyntaxException e) {
                throw Ngsi.badData("invalid idPattern: " + e.getDescription());
            }
        }
        TypeExpr type = p.get("type") == null ? null : TypeExpr.parse(p.get("type"), ctx);
        QExpr q = p.get("q") == null ? null : QParser.parse(p.get("q"), ctx);
        GeoQuery geo = GeoQuery.parse(p.get("georel"), p.get("geometry"), p.get("coordinates"), p.get("geoproperty"), ctx);
        Set<String> attrs = names(p.get("attrs"), ctx::expand);
        Set<String> pick = names(p.get("pick"), n -> n.equals("id") || n.equals("type") ? n : ctx.expand(n));
        Set<String> omit = names(p.get("omit"), n -> n.equals("id") || n.equals("type") ? n : ctx.expand(n));
        if (pick != null && omit != null) throw Ngsi.badData("pick and omit cannot be combined");
        boolean local = "true".equals(p.get("local"));
        if (requireFilter && type == null && attrs == null && q == null && geo == null && ids.isEmpty() && idPattern == null && !local)
            throw Ngsi.badData("a query needs at least one of type, attrs, q, georel, id or idPattern");
        int limit = integer(p.get("limit"), defaultLimit, "limit");
        if (limit > maxLimit)
            throw Problem.ngsiLd(403, "TooManyResults", "limit " + limit + " exceeds the maximum " + maxLimit).toException();
        int offset = integer(p.get("offset"), 0, "offset");
        boolean count = "true".equals(p.get("count"));
        if (limit == 0 && !count) throw Ngsi.badData("limit=0 needs count=true");
        Format format = Format.parse(p.get("options"), p.get("format"));
        return new EntityQuery(ids, idPattern, type, q, geo, attrs, pick, omit, limit, offset, count, format, local, ctx, Map.copyOf(p));
    }

    private static Set<String> names(String list, Function<String, String> expand) {
        if (list == null) return null;
        Set<String> out = new LinkedHashSet<>();
        for (String n : list.split(",")) {
            if (n.isBlank()) throw Ngsi.badData("empty attribute name in list");
            out.add(expand.apply(n.strip()));
        }
        return out;
    }

    private static int integer(String v, int dflt, String name) {
        if (v == null) return dflt;
        try {
            int i = Integer.parseInt(v);
            if (i < 0) throw Ngsi.badData(name + " must not be negative");
            return i;
        } catch (NumberFormatException e) {
            throw Ngsi.badData(name + " is not an integer: " + v);
        }
    }

    /** True if the entity passes every filter. */
    public boolean matches(com.fasterxml.jackson.databind.JsonNode e) {
        String id = e.path(Ngsi.ID).asText();
        if (!ids.isEmpty() && !ids.contains(id)) return false;
        if (idPattern != null && !idPattern.matcher(id).matches()) return false;
        if (type != null && !type.matches(Ngsi.types(e))) return false;
        if (attrs != null && attrs.stream().noneMatch(e::has)) return false;
        if (q != null && !QEvaluator.test(q, e)) return false;
        return geo == null || geo.test(e);
    }
}
