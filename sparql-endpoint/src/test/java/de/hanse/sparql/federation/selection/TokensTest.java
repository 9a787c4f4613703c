package de.hanse.sparql.federation.selection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.exec.QueryExec;
import org.junit.jupiter.api.Test;

class TokensTest {
    @Test
    void tokensAreSchemeAndAuthority() {
        assertThat(Tokens.of(NodeFactory.createURI("https://koeln.example/sensor/1#x"))).isEqualTo("https://koeln.example");
        assertThat(Tokens.of(NodeFactory.createURI("http://127.0.0.1:8080/a?b"))).isEqualTo("http://127.0.0.1:8080");
        assertThat(Tokens.of(NodeFactory.createURI("urn:hanse:record:x:y"))).isEqualTo("urn:hanse");
        assertThat(Tokens.of(NodeFactory.createLiteralString("x"))).isEqualTo(Tokens.LITERAL);
        assertThat(Tokens.of(NodeFactory.createBlankNode())).isEqualTo(Tokens.BNODE);
    }

    @Test
    void theSparqlExpressionComputesTheSameTokens() {
        List<Node> terms = List.of(NodeFactory.createURI("https://koeln.example/sensor/1#x"), NodeFactory.createURI("http://a.b:81"),
                NodeFactory.createURI("urn:hanse:record:x"), NodeFactory.createURI("mailto:someone@example.org"),
                NodeFactory.createLiteralString("x"), NodeFactory.createBlankNode());
        for (Node t : terms) {
            var q = QueryFactory.create("SELECT (" + Tokens.SPARQL_EXPR + " AS ?t) WHERE {}");
            try (QueryExec qe = QueryExec.dataset(DatasetGraphFactory.create()).query(q).substitution(Var.alloc("x"), t).build()) {
                assertThat(qe.select().next().get(Var.alloc("t")).getLiteralLexicalForm()).as(t.toString()).isEqualTo(Tokens.of(t));
            }
        }
    }
}
