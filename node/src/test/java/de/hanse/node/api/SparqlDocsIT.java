package de.hanse.node.api;

import static org.assertj.core.api.Assertions.assertThat;

import de.hanse.node.HanseNode;
import de.hanse.node.TestNodes;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs every {@code sparql} block of {@code docs/sparql.md} on a node that harvested the fixtures: each answers 200 with results. */
class SparqlDocsIT {
    private final TestNodes nodes = new TestNodes();

    @TempDir
    Path tmp;

    @AfterEach
    void close() {
        nodes.close();
    }

    static List<String> queries(Path markdown) throws java.io.IOException {
        List<String> out = new ArrayList<>();
        StringBuilder cur = null;
        for (String line : Files.readAllLines(markdown)) {
            if (line.strip().equals("```sparql")) cur = new StringBuilder();
            else if (cur != null && line.strip().equals("```")) {
                out.add(cur.toString());
                cur = null;
            } else if (cur != null) cur.append(line).append('\n');
        }
        return out;
    }

    @Test
    void everyExampleQueryRunsAndFindsSomething() throws Exception {
        List<String> queries = queries(Path.of(System.getProperty("basedir", "."), "..", "docs", "sparql.md"));
        assertThat(queries).hasSizeGreaterThanOrEqualTo(8);
        HanseNode node = SearchFixtureNode.start(nodes, tmp);
        SoftAssertions soft = new SoftAssertions();
        for (String q : queries) {
            boolean graph = q.strip().startsWith("DESCRIBE") || q.contains("CONSTRUCT");
            HttpResponse<String> r = nodes.post(node, "sparql", "application/sparql-query", q,
                    "Accept", graph ? "text/turtle" : "text/csv");
            soft.assertThat(r.statusCode()).as(q + "\n-> " + r.body()).isEqualTo(200);
            soft.assertThat(r.body().strip().split("\r?\n").length).as("no results for\n" + q).isGreaterThan(1);
        }
        soft.assertAll();
    }
}
