package de.hanse.ngsild.query;

import de.hanse.ngsild.jsonld.LdContext;
import de.hanse.ngsild.model.Ngsi;
import de.hanse.ngsild.query.QExpr.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A recursive-descent parser for the NGSI-LD {@code q} grammar: {@code ;} (and) binds tighter than {@code |} (or),
 * parentheses group, terms are {@code attr}, {@code !attr}, {@code attr op value} with {@code == != > >= < <=},
 * lists {@code a,b}, ranges {@code a..b}, patterns {@code ~=} / {@code !~=}, paths {@code a.b} and {@code a[b]}.
 * Errors are 400 {@code BadRequestData} naming the position. Not thread-safe (one instance per parse).
 */
public final class QParser {
    private static final int MAX_LENGTH = 4_096;
    private static final int MAX_DEPTH = 16;
    private final String s;
    private final LdContext ctx;
    private int pos;
    private int depth;

    private QParser(String s, LdContext ctx) {
        this.s = s;
        this.ctx = ctx;
    }

    /** Parses {@code q}, expanding attribute names with {@code ctx}. */
    public static QExpr parse(String q, LdContext ctx) {
        if (q == null || q.isBlank()) throw Ngsi.badData("q is empty");
        if (q.length() > MAX_LENGTH) throw Ngsi.badData("q is longer than " + MAX_LENGTH + " characters");
        QParser p = new QParser(q.strip(), ctx);
        QExpr e = p.or();
        if (p.pos < p.s.length()) throw p.error("unexpected '" + p.s.charAt(p.pos) + "'");
        return e;
    }

    private QExpr or() {
        List<QExpr> terms = new ArrayList<>(List.of(and()));
        while (peek('|')) {
            pos++;
            terms.add(and());
        }
        return terms.size() == 1 ? terms.get(0) : new QExpr.Or(terms);
    }

    private QExpr and() {
        List<QExpr> terms = new ArrayList<>(List.of(term()));
        while (peek(';')) {
            pos++;
            terms.add(term());
        }
        return terms.size() == 1 ? terms.get(0) : new QExpr.And(terms);
    }

    private QExpr term() {
        if (peek('(')) {
            if (++depth > MAX_DEPTH) throw error("too many nested parentheses");
            pos++;
            QExpr e = or();
            if (!peek(')')) throw error("missing ')'");
            pos++;
            depth--;
            return e;
        }
        boolean not = false;
        if (peek('!') && !s.startsWith("!=", pos) && !s.startsWith("!~=", pos)) {
            not = true;
            pos++;
        }
        QExpr.Path path = path();
        if (not || atEndOfTerm()) return new QExpr.Exists(path, not);
        if (s.startsWith("~=", pos) || s.startsWith("!~=", pos)) {
            boolean neg = s.charAt(pos) == '!';
            pos += neg ? 3 : 2;
            String re = unquote(rawValue());
            try {
                return new QExpr.Match(path, Pattern.compile(re), neg);
            } catch (PatternSyntaxException e) {
                throw error("invalid pattern: " + e.getDescription());
            }
        }
        Op op = op();
        String raw = rawValue();
        if (raw.isEmpty()) throw error("missing value");
        return new QExpr.Comparison(path, op, operand(raw, op));
    }

    private Op op() {
        for (var o : new Object[][] {{"==", Op.EQ}, {"!=", Op.NE}, {">=", Op.GE}, {"<=", Op.LE}, {">", Op.GT}, {"<", Op.LT}}) {
            if (s.startsWith((String) o[0], pos)) {
                pos += ((String) o[0]).length();
                return (Op) o[1];
            }
        }
        throw error("expected an operator");
    }

    private QExpr.Path path() {
        int start = pos;
        List<String> names = new ArrayList<>();
        names.add(name());
        while (peek('.')) {
            pos++;
            names.add(name());
        }
        List<String> keys = new ArrayList<>();
        while (peek('[')) {
            pos++;
            keys.add(name());
            if (!peek(']')) throw error("missing ']'");
            pos++;
        }
        List<String> dotted = new ArrayList<>();
        for (String n : names.subList(1, names.size())) dotted.add(Ngsi.INSTANCE_MEMBERS.contains(n) ? n : ctx.expand(n));
        return new QExpr.Path(ctx.expand(names.get(0)), dotted, keys, s.substring(start, pos));
    }

    private String name() {
        int start = pos;
        while (pos < s.length() && isNameChar(s.charAt(pos))) pos++;
        if (pos == start) throw error("expected an attribute name");
        return s.substring(start, pos);
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == ':' || c == '-' || c == '@';
    }

    /** The value text up to the end of the term ({@code ; | )} outside quotes). */
    private String rawValue() {
        int start = pos;
        boolean quoted = false;
        int parens = 0; // parentheses opened inside the value (a regex group) do not end the term
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == '"' && (pos == start || s.charAt(pos - 1) != '\\')) quoted = !quoted;
            else if (!quoted && c == '(') parens++;
            else if (!quoted && c == ')' && parens > 0) parens--;
            else if (!quoted && parens == 0 && (c == ';' || c == '|' || c == ')')) break;
            pos++;
        }
        if (quoted) throw error("unterminated string");
        return s.substring(start, pos);
    }

    private QExpr.Operand operand(String raw, Op op) {
        int range = indexOutsideQuotes(raw, "..");
        if (range > 0) {
            if (op != Op.EQ && op != Op.NE) throw error("a range needs == or !=");
            return new QExpr.Range(value(raw.substring(0, range)), value(raw.substring(range + 2)));
        }
        if (indexOutsideQuotes(raw, ",") > 0) {
            if (op != Op.EQ && op != Op.NE) throw error("a list needs == or !=");
            List<QExpr.Value> vs = new ArrayList<>();
            for (String part : splitOutsideQuotes(raw)) vs.add(value(part));
            return new QExpr.ListOf(vs);
        }
        return value(raw);
    }

    private QExpr.Value value(String raw) {
        String v = raw.strip();
        if (v.isEmpty()) throw error("empty value");
        if (v.startsWith("\"")) {
            if (v.length() < 2 || !v.endsWith("\"")) throw error("malformed string " + v);
            return new QExpr.Value(unquote(v));
        }
        if (v.equals("true") || v.equals("false")) return new QExpr.Value(Boolean.parseBoolean(v));
        if (v.matches("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?")) return new QExpr.Value(Double.parseDouble(v));
        if (v.chars().anyMatch(c -> "\"( =<>!~[]".indexOf(c) >= 0)) throw error("malformed value " + v);
        return new QExpr.Value(v);
    }

    private static String unquote(String v) {
        v = v.strip();
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) return v.substring(1, v.length() - 1).replace("\\\"", "\"");
        return v;
    }

    private static int indexOutsideQuotes(String v, String token) {
        boolean q = false;
        for (int i = 0; i < v.length(); i++) {
            if (v.charAt(i) == '"') q = !q;
            else if (!q && v.startsWith(token, i)) return i;
        }
        return -1;
    }

    private static List<String> splitOutsideQuotes(String v) {
        List<String> out = new ArrayList<>();
        boolean q = false;
        int start = 0;
        for (int i = 0; i < v.length(); i++) {
            if (v.charAt(i) == '"') q = !q;
            else if (!q && v.charAt(i) == ',') {
                out.add(v.substring(start, i));
                start = i + 1;
            }
        }
        out.add(v.substring(start));
        return out;
    }

    private boolean atEndOfTerm() {
        return pos >= s.length() || peek(';') || peek('|') || peek(')');
    }

    private boolean peek(char c) {
        return pos < s.length() && s.charAt(pos) == c;
    }

    private RuntimeException error(String what) {
        return Ngsi.badData("invalid q at position " + pos + ": " + what);
    }
}
