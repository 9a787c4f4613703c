package de.hanse.harvest.pipeline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

/**
 * A hash of a record's content that does not depend on triple order or blank node labels: each blank node is
 * named by a digest of what it says (its outgoing triples, recursively, with a cycle guard), every triple is
 * written as a line in an N-Triples-like form with those names ({@link #append}), the lines are sorted and hashed
 * with SHA-256. Two harvests of
 * an unchanged record give the same hash, so the record is not rewritten. (Blank nodes that say exactly the same
 * thing get the same name, which is harmless for change detection.)
 */
public final class CanonicalHash {
    private CanonicalHash() {}

    public static String of(Graph g) {
        Map<Node, String> names = new HashMap<>();
        List<String> lines = new ArrayList<>(g.size());
        StringBuilder sb = new StringBuilder(256);
        g.find().forEachRemaining(t -> {
            sb.setLength(0);
            term(sb, g, t.getSubject(), names, 0);
            append(sb.append(' '), t.getPredicate());
            term(sb.append(' '), g, t.getObject(), names, 0);
            lines.add(sb.toString());
        });
        lines.sort(null);
        MessageDigest md = sha256();
        for (String l : lines) {
            md.update(l.getBytes(StandardCharsets.UTF_8));
            md.update((byte) '\n');
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /**
     * Writes an IRI or literal in an N-Triples-like form: IRIs in angle brackets, literals quoted with backslash,
     * quote and line breaks escaped (so the text is unambiguous and a triple stays on one line), then the language
     * tag (and direction) or the datatype. Much cheaper than a full N-Triples formatter, and all a hash needs.
     */
    static void append(StringBuilder sb, Node n) {
        if (n.isURI()) {
            sb.append('<').append(n.getURI()).append('>');
            return;
        }
        if (!n.isLiteral()) {
            sb.append(n);
            return;
        }
        String lex = n.getLiteralLexicalForm();
        sb.append('"');
        for (int i = 0; i < lex.length(); i++) {
            char c = lex.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                default -> sb.append(c);
            }
        }
        sb.append('"');
        String lang = n.getLiteralLanguage();
        if (lang != null && !lang.isEmpty()) {
            sb.append('@').append(lang);
            if (n.getLiteralBaseDirection() != null) sb.append("--").append(n.getLiteralBaseDirection().direction());
        } else {
            sb.append("^^<").append(n.getLiteralDatatypeURI()).append('>');
        }
    }

    private static void term(StringBuilder sb, Graph g, Node n, Map<Node, String> names, int depth) {
        if (n.isBlank()) sb.append(blankName(g, n, names, depth));
        else append(sb, n);
    }

    private static String blankName(Graph g, Node n, Map<Node, String> names, int depth) {
        String known = names.get(n);
        if (known != null) return known;
        if (depth > 6) return "_:deep";
        names.put(n, "_:cycle");
        List<String> parts = new ArrayList<>();
        for (Triple t : g.find(n, Node.ANY, Node.ANY).toList()) {
            StringBuilder sb = new StringBuilder(96);
            append(sb, t.getPredicate());
            term(sb.append(' '), g, t.getObject(), names, depth + 1);
            parts.add(sb.toString());
        }
        parts.sort(null);
        MessageDigest md = sha256();
        for (String p : parts) {
            md.update(p.getBytes(StandardCharsets.UTF_8));
            md.update((byte) '\n');
        }
        String name = "_:h" + HexFormat.of().formatHex(md.digest()).substring(0, 24);
        names.put(n, name);
        return name;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
