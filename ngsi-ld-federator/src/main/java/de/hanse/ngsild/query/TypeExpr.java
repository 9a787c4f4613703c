package de.hanse.ngsild.query;

import de.hanse.ngsild.jsonld.LdContext;
import de.hanse.ngsild.model.Ngsi;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An entity type selection (clause 4.17): type names joined by {@code ,} or {@code |} (or) and {@code ;} (and, binds
 * tighter), grouped with parentheses. Names are expanded IRIs. Immutable.
 */
public final class TypeExpr {
    private final Node root;
    private final Set<String> mentioned;
    private final String text;

    private sealed interface Node permits Name, All, Any {}

    private record Name(String iri) implements Node {}

    private record All(List<Node> nodes) implements Node {}

    private record Any(List<Node> nodes) implements Node {}

    private TypeExpr(Node root, Set<String> mentioned, String text) {
        this.root = root;
        this.mentioned = Set.copyOf(mentioned);
        this.text = text;
    }

    /** Parses a {@code type} parameter, expanding names with {@code ctx}. */
    public static TypeExpr parse(String text, LdContext ctx) {
        if (text == null || text.isBlank()) throw Ngsi.badData("type is empty");
        if (text.length() > 2_048) throw Ngsi.badData("type is too long");
        Parser p = new Parser(text.strip(), ctx);
        Node n = p.or();
        if (p.pos != p.s.length()) throw Ngsi.badData("invalid type expression at position " + p.pos);
        return new TypeExpr(n, p.names, text);
    }

    /** True if an entity with these types is selected. */
    public boolean matches(Collection<String> types) {
        return eval(root, types);
    }

    private static boolean eval(Node n, Collection<String> types) {
        if (n instanceof Name x) return types.contains(x.iri());
        if (n instanceof All a) return a.nodes().stream().allMatch(c -> eval(c, types));
        return ((Any) n).nodes().stream().anyMatch(c -> eval(c, types));
    }

    /** Every type IRI named in the expression. */
    public Set<String> mentioned() {
        return mentioned;
    }

    /** The expression with every name replaced by its expanded IRI (safe to forward without a context). */
    public String expandedText() {
        return render(root);
    }

    private static String render(Node n) {
        if (n instanceof Name x) return x.iri();
        List<String> parts = new ArrayList<>();
        List<Node> nodes = n instanceof All a ? a.nodes() : ((Any) n).nodes();
        for (Node c : nodes) parts.add(c instanceof Name ? render(c) : "(" + render(c) + ")");
        return String.join(n instanceof All ? ";" : "|", parts);
    }

    @Override
    public String toString() {
        return text;
    }

    private static final class Parser {
        final String s;
        final LdContext ctx;
        final Set<String> names = new LinkedHashSet<>();
        int pos;
        int depth;

        Parser(String s, LdContext ctx) {
            this.s = s;
            this.ctx = ctx;
        }

        Node or() {
            List<Node> nodes = new ArrayList<>(List.of(and()));
            while (pos < s.length() && (s.charAt(pos) == '|' || s.charAt(pos) == ',')) {
                pos++;
                nodes.add(and());
            }
            return nodes.size() == 1 ? nodes.get(0) : new Any(nodes);
        }

        Node and() {
            List<Node> nodes = new ArrayList<>(List.of(atom()));
            while (pos < s.length() && s.charAt(pos) == ';') {
                pos++;
                nodes.add(atom());
            }
            return nodes.size() == 1 ? nodes.get(0) : new All(nodes);
        }

        Node atom() {
            if (pos < s.length() && s.charAt(pos) == '(') {
                if (++depth > 16) throw Ngsi.badData("type expression nested too deeply");
                pos++;
                Node n = or();
                if (pos >= s.length() || s.charAt(pos) != ')') throw Ngsi.badData("missing ')' in type expression");
                pos++;
                depth--;
                return n;
            }
            int start = pos;
            while (pos < s.length() && "|,;()".indexOf(s.charAt(pos)) < 0) pos++;
            String name = s.substring(start, pos).strip();
            if (name.isEmpty() || name.contains(" ")) throw Ngsi.badData("invalid type name at position " + start);
            String iri = ctx.expand(name);
            names.add(iri);
            return new Name(iri);
        }
    }
}
