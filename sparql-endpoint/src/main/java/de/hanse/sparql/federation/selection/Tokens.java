package de.hanse.sparql.federation.selection;

import java.util.regex.Pattern;
import org.apache.jena.graph.Node;

/**
 * The "authority token" of an RDF term, used by source summaries: for an IRI its scheme and authority
 * ({@code https://koeln.example}), for other IRIs ({@code urn:x:...}) the first two colon-separated parts; {@code #lit}
 * for literals and {@code #bnode} for blank nodes. {@link #SPARQL_EXPR} computes the same token at an endpoint, so
 * summaries are aggregated remotely and compared locally.
 */
public final class Tokens {
    private Tokens() {}

    public static final String LITERAL = "#lit";
    public static final String BNODE = "#bnode";

    private static final String HIER = "^([a-zA-Z][a-zA-Z0-9+.-]*://[^/?#]*).*$";
    private static final String OPAQUE = "^([^:]*:[^:/]*).*$";
    private static final Pattern HIER_P = Pattern.compile(HIER);
    private static final Pattern OPAQUE_P = Pattern.compile(OPAQUE);

    /** SPARQL expression computing the token of {@code var} (e.g. {@code ?s}); mirrors {@link #of(Node)}. */
    public static String sparqlExpr(String var) {
        return "IF(isIRI(" + var + "), IF(CONTAINS(STR(" + var + "), \"://\"), REPLACE(STR(" + var + "), \"" + HIER
                + "\", \"$1\"), REPLACE(STR(" + var + "), \"" + OPAQUE + "\", \"$1\")), IF(isLiteral(" + var
                + "), \"" + LITERAL + "\", \"" + BNODE + "\"))";
    }

    public static final String SPARQL_EXPR = sparqlExpr("?x");

    public static String of(Node n) {
        if (n.isURI()) {
            String s = n.getURI();
            return s.contains("://") ? HIER_P.matcher(s).replaceAll("$1") : OPAQUE_P.matcher(s).replaceAll("$1");
        }
        if (n.isLiteral()) return LITERAL;
        return BNODE;
    }
}
