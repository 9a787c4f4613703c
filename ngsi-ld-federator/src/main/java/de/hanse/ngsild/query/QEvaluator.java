package de.hanse.ngsild.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.hanse.ngsild.model.Ngsi;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates a {@link QExpr} against an internal entity. A path matches if any attribute instance (any datasetId) and,
 * for array values, any element satisfies the term; {@code !=} holds when no element equals. Numbers compare
 * numerically, strings (including ISO dates) lexicographically; a type mismatch never matches. Stateless.
 */
public final class QEvaluator {
    private QEvaluator() {}

    public static boolean test(QExpr e, JsonNode entity) {
        if (e instanceof QExpr.And a) return a.terms().stream().allMatch(t -> test(t, entity));
        if (e instanceof QExpr.Or o) return o.terms().stream().anyMatch(t -> test(t, entity));
        if (e instanceof QExpr.Exists x) return targets(x.path(), entity).isEmpty() == x.negated();
        if (e instanceof QExpr.Match m) {
            boolean any = flat(targets(m.path(), entity)).stream()
                    .anyMatch(v -> v.isValueNode() && m.pattern().matcher(v.asText()).find());
            return any != m.negated();
        }
        QExpr.Comparison c = (QExpr.Comparison) e;
        return compare(c, flat(targets(c.path(), entity)));
    }

    private static boolean compare(QExpr.Comparison c, List<JsonNode> values) {
        if (values.isEmpty()) return false;
        if (c.op() == QExpr.Op.NE) return values.stream().noneMatch(v -> equalsOperand(v, c.operand()));
        if (c.op() == QExpr.Op.EQ) return values.stream().anyMatch(v -> equalsOperand(v, c.operand()));
        return values.stream().anyMatch(v -> {
            int o = order(v, c.operand());
            if (o == Integer.MIN_VALUE) return false;
            switch (c.op()) {
                case GT: return o > 0;
                case GE: return o >= 0;
                case LT: return o < 0;
                default: return o <= 0;
            }
        });
    }

    private static boolean equalsOperand(JsonNode v, QExpr.Operand op) {
        if (op instanceof QExpr.Value x) return cmp(v, x.literal()) == 0;
        if (op instanceof QExpr.ListOf l) return l.values().stream().anyMatch(x -> cmp(v, x.literal()) == 0);
        QExpr.Range r = (QExpr.Range) op;
        int lo = cmp(v, r.min().literal());
        int hi = cmp(v, r.max().literal());
        return lo != Integer.MIN_VALUE && hi != Integer.MIN_VALUE && lo >= 0 && hi <= 0;
    }

    private static int order(JsonNode v, QExpr.Operand op) {
        if (!(op instanceof QExpr.Value x)) return Integer.MIN_VALUE;
        return cmp(v, x.literal());
    }

    /** Compares a JSON value with a literal; {@link Integer#MIN_VALUE} when incomparable. */
    static int cmp(JsonNode v, Object literal) {
        if (literal instanceof Double d) {
            if (v.isNumber()) return Double.compare(v.asDouble(), d);
            return Integer.MIN_VALUE;
        }
        if (literal instanceof Boolean b) return v.isBoolean() && v.asBoolean() == b ? 0 : Integer.MIN_VALUE;
        if (v.isTextual()) return Integer.signum(v.asText().compareTo((String) literal));
        return Integer.MIN_VALUE;
    }

    private static List<JsonNode> flat(List<JsonNode> values) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode v : values) {
            if (v.isArray()) v.forEach(out::add);
            else out.add(v);
        }
        return out;
    }

    /** The JSON values a path designates in an entity (empty if absent). */
    static List<JsonNode> targets(QExpr.Path p, JsonNode entity) {
        List<JsonNode> out = new ArrayList<>();
        for (ObjectNode inst : Ngsi.instances(entity, p.attribute())) {
            JsonNode cur = inst;
            boolean member = false;
            for (String d : p.dotted()) {
                if (cur == null || !cur.isObject() || member) {
                    cur = null;
                    break;
                }
                member = Ngsi.INSTANCE_MEMBERS.contains(d);
                cur = cur.get(d);
            }
            if (cur == null) continue;
            JsonNode value = (member || !cur.isObject()) ? cur : Ngsi.mainValue(cur);
            for (String k : p.keys()) {
                if (value == null) break;
                value = value.isObject() ? value.get(k) : null;
            }
            if (value != null && !value.isNull()) out.add(value);
        }
        return out;
    }
}
