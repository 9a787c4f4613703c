package de.hanse.node.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.hanse.node.HanseNode;
import de.hanse.node.TestNodes;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CKAN-style DCAT RDF harvester walks a node's {@code /catalogue} the way ckanext-dcat's RDF harvester is
 * documented to: fetch a page, take every {@code dcat:Dataset} on it, then follow the {@code hydra:nextPage} of
 * the page's {@code hydra:PagedCollection}; stop when there is none, or when a page's content is the same as the
 * first page's (a server that ignores the page parameter). The walker is written here from that description.
 * Every dataset is seen exactly once across the pages, in RDF/XML and in Turtle.
 */
class CkanStyleHarvestIT {
    private static final Node TYPE = NodeFactory.createURI(ExportFixture.RDF_TYPE);
    private static final Node PAGED_COLLECTION = NodeFactory.createURI("http://www.w3.org/ns/hydra/core#PagedCollection");
    private static final Node NEXT_PAGE = NodeFactory.createURI("http://www.w3.org/ns/hydra/core#nextPage");
    private static final int MAX_PAGES = 100;
    private final TestNodes nodes = new TestNodes();

    @TempDir
    Path tmp;

    @AfterEach
    void close() {
        nodes.close();
    }

    /** What one walk saw: the datasets of each page (repeats across pages kept), and why it stopped. */
    record Walk(List<Set<String>> perPage, String stoppedBecause) {
        int pages() {
            return perPage.size();
        }

        List<String> datasets() {
            return perPage.stream().flatMap(Set::stream).toList();
        }
    }

    /** The walk: page 1's content hash guards against servers that answer every page URL with page 1. */
    Walk walk(String start, String accept, Lang lang) throws Exception {
        List<Set<String>> seen = new ArrayList<>();
        byte[] firstPageHash = null;
        String url = start;
        while (seen.size() < MAX_PAGES) {
            HttpResponse<String> r = nodes.send(HttpRequest.newBuilder(URI.create(url)).GET(), "Accept", accept);
            assertThat(r.statusCode()).as(url).isEqualTo(200);
            byte[] hash = MessageDigest.getInstance("MD5").digest(r.body().getBytes(StandardCharsets.UTF_8));
            if (firstPageHash == null) firstPageHash = hash;
            else if (Arrays.equals(hash, firstPageHash)) return new Walk(seen, "same content as page 1");
            Graph g = ExportFixture.parse(r.body(), lang, url);
            List<String> onPage = ExportFixture.datasets(g);
            assertThat(onPage).as(url).doesNotHaveDuplicates();
            seen.add(new TreeSet<>(onPage));
            url = nextPage(g);
            if (url == null) return new Walk(seen, "no next page");
        }
        return new Walk(seen, "page limit");
    }

    /** The {@code hydra:nextPage} of a {@code hydra:PagedCollection} on the page, or null. */
    private static String nextPage(Graph g) {
        for (Node paged : g.find(Node.ANY, TYPE, PAGED_COLLECTION).mapWith(t -> t.getSubject()).toList()) {
            var next = g.find(paged, NEXT_PAGE, Node.ANY);
            if (next.hasNext()) return next.next().getObject().getURI();
        }
        return null;
    }

    @Test
    void walkingHydraNextPageSeesEveryDatasetExactlyOnce() throws Exception {
        HanseNode node = ExportFixture.harvested(nodes, "bremen", ExportFixture.bremen(tmp), 153);
        Set<String> all = allDatasets(node);
        assertThat(all).hasSize(153);

        for (var syntax : List.of(new Object[] {"application/rdf+xml", Lang.RDFXML}, new Object[] {"text/turtle", Lang.TURTLE})) {
            Walk w = walk(node.baseUri() + "catalogue?pageSize=20", (String) syntax[0], (Lang) syntax[1]);
            assertThat(w.stoppedBecause()).isEqualTo("no next page");
            assertThat(w.pages()).isEqualTo(8); // ceil(153 / 20)
            assertThat(w.datasets()).as("no repeats").doesNotHaveDuplicates();
            assertThat(new TreeSet<>(w.datasets())).as("no skips").isEqualTo(all);
        }
        // the catalogue is stable between walks: every walk puts the same datasets on the same pages
        Walk again = walk(node.baseUri() + "catalogue?pageSize=20", "text/turtle", Lang.TURTLE);
        assertThat(again.perPage()).isEqualTo(walk(node.baseUri() + "catalogue?pageSize=20", "application/rdf+xml", Lang.RDFXML).perPage());
        // a page size that divides the total: the last page has no next link and no empty page follows
        Walk exact = walk(node.baseUri() + "catalogue?pageSize=51", "text/turtle", Lang.TURTLE);
        assertThat(exact.pages()).isEqualTo(3);
        assertThat(new TreeSet<>(exact.datasets())).isEqualTo(all);
        // the default page size (100) from the bare URL a CKAN admin would paste
        Walk bare = walk(node.baseUri() + "catalogue", "application/rdf+xml", Lang.RDFXML);
        assertThat(bare.pages()).isEqualTo(2);
        assertThat(bare.datasets()).doesNotHaveDuplicates().hasSize(153);
    }

    private Set<String> allDatasets(HanseNode node) throws Exception {
        HttpResponse<String> r = nodes.get(node, TestNodes.sparql(
                "SELECT DISTINCT ?d WHERE { GRAPH ?g { ?d a <http://www.w3.org/ns/dcat#Dataset> } }"),
                "Accept", "application/sparql-results+json");
        Set<String> out = new TreeSet<>();
        new ObjectMapper().readTree(r.body()).get("results").get("bindings").forEach(b -> out.add(b.get("d").get("value").asText()));
        return out;
    }
}
