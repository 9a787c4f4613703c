package de.hanse.ngsild.query;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The syntax tree of an NGSI-LD {@code q} expression (clause 4.9). Attribute names in {@link Path} are already
 * expanded IRIs. Immutable.
 */
public sealed interface QExpr {

    /** All of the terms ({@code ;}). */
    record And(List<QExpr> terms) implements QExpr {}

    /** Any of the terms ({@code |}). */
    record Or(List<QExpr> terms) implements QExpr {}

    /** The attribute path exists ({@code attr}) or, negated, does not ({@code !attr}). */
    record Exists(Path path, boolean negated) implements QExpr {}

    /** {@code path op value}; {@code value} is a {@link Value}, a list or a range. */
    record Comparison(Path path, Op op, Operand operand) implements QExpr {}

    /** {@code path ~= regex} or, negated, {@code !~=}. */
    record Match(Path path, Pattern pattern, boolean negated) implements QExpr {}

    enum Op { EQ, NE, GT, GE, LT, LE }

    /**
     * An attribute path: the attribute IRI, then dotted sub-attribute IRIs or instance members (e.g.
     * {@code observedAt}), then bracketed keys into the value ({@code a[b][c]}).
     */
    record Path(String attribute, List<String> dotted, List<String> keys, String text) {}

    /** The right-hand side of a comparison. */
    sealed interface Operand {}

    /** A single literal: a number, a string, or a boolean. */
    record Value(Object literal) implements Operand {}

    /** {@code a,b,c}: equal to any. */
    record ListOf(List<Value> values) implements Operand {}

    /** {@code a..b}: inclusive range. */
    record Range(Value min, Value max) implements Operand {}
}
