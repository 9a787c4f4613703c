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
import org.apache.jena.riot.out.NodeFmtLib;

/**
 * A hash of a record's content that does not depend on triple order or blank node labels: each blank node is
 * named by a digest of what it says (its outgoing triples, recursively, with a cycle guard), every triple is
 * written as a line of N-Triples with those names, the lines are sorted and hashed with SHA-256. Two harvests of
 * an unchanged record give the same hash, so the record is not rewritten. (Blank nodes that say exactly the same
 * thing get the same name, which is harmless for change detection.)
 */
public final class CanonicalHash {
    private CanonicalHash() {}

    public static String of(Graph g) {
        Map<Node, String> names = new HashMap<>();
        List<String> lines = new ArrayList<>(g.size());
        g.find().forEachRemaining(t -> lines.add(term(g, t.getSubject(), names, 0) + " " + NodeFmtLib.strNT(t.getPredicate())
                + " " + term(g, t.getObject(), names, 0)));
        lines.sort(null);
        MessageDigest md = sha256();
        for (String l : lines) {
            md.update(l.getBytes(StandardCharsets.UTF_8));
            md.update((byte) '\n');
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static String term(Graph g, Node n, Map<Node, String> names, int depth) {
        if (!n.isBlank()) return NodeFmtLib.strNT(n);
        String known = names.get(n);
        if (known != null) return known;
        if (depth > 6) return "_:deep";
        names.put(n, "_:cycle");
        List<String> parts = new ArrayList<>();
        for (Triple t : g.find(n, Node.ANY, Node.ANY).toList())
            parts.add(NodeFmtLib.strNT(t.getPredicate()) + " " + term(g, t.getObject(), names, depth + 1));
        parts.sort(null);
        MessageDigest md = sha256();
        for (String p : parts) md.update(p.getBytes(StandardCharsets.UTF_8));
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
