package de.hanse.harvest.source.sparql;

import static org.assertj.core.api.Assertions.assertThat;

import de.hanse.harvest.source.Page;
import de.hanse.harvest.source.paged.FixtureServer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The SPARQL source against a real Fuseki (in memory, loopback, port 0). */
class SparqlPageSourceTest {
    static final String DCAT = "http://www.w3.org/ns/dcat#";
    static final String DCT = "http://purl.org/dc/terms/";
    static FusekiServer fuseki;

    @BeforeAll
    static void start() {
        DatasetGraph dsg = DatasetFactory.createTxnMem().asDatasetGraph();
        Graph data = GraphFactory.createGraphMem();
        RDFParser.fromString(catalogue(7), Lang.TURTLE).parse(data);
        data.find().forEachRemaining(t -> dsg.getDefaultGraph().add(t));
        Graph named = GraphFactory.createGraphMem();
        RDFParser.fromString(catalogue(2), Lang.TURTLE).parse(named);
        named.find().forEachRemaining(t -> dsg.add(NodeFactory.createURI("urn:graph:city"), t.getSubject(), t.getPredicate(), t.getObject()));
        fuseki = FusekiServer.create().loopback(true).port(0).add("/ds", dsg).build().start();
    }

    @AfterAll
    static void stop() {
        fuseki.stop();
    }

    /** {@code n} datasets, each with two distributions (one with a checksum), a publisher and a contact point. */
    static String catalogue(int n) {
        StringBuilder b = new StringBuilder("""
                @prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix dct: <http://purl.org/dc/terms/> .
                @prefix foaf: <http://xmlns.com/foaf/0.1/> . @prefix vcard: <http://www.w3.org/2006/vcard/ns#> .
                @prefix spdx: <http://spdx.org/rdf/terms#> .
                <https://city.example/org/stat> a foaf:Agent ; foaf:name "Statistikamt" .
                <https://city.example/catalogue> a dcat:Catalog ; dct:title "Katalog" .
                """);
        for (int i = 1; i <= n; i++) {
            String d = "<https://city.example/dataset/" + String.format("%02d", i) + ">";
            b.append("<https://city.example/catalogue> dcat:dataset ").append(d).append(" .\n");
            b.append(d).append(" a dcat:Dataset ; dct:title \"Datensatz ").append(i).append("\"@de ; dcat:keyword \"k").append(i)
                    .append("\" ; dct:publisher <https://city.example/org/stat> ;")
                    .append(" dcat:contactPoint [ a vcard:Organization ; vcard:fn \"Team ").append(i).append("\" ] ;")
                    .append(" dcat:distribution <https://city.example/dist/").append(i).append("a>, <https://city.example/dist/").append(i).append("b> .\n");
            b.append("<https://city.example/dist/").append(i).append("a> a dcat:Distribution ; dcat:accessURL <https://city.example/files/")
                    .append(i).append(".csv> ; spdx:checksum [ a spdx:Checksum ; spdx:checksumValue \"ab").append(i).append("\" ] .\n");
            b.append("<https://city.example/dist/").append(i).append("b> a dcat:Distribution ; dcat:accessURL <https://city.example/api/").append(i).append("> .\n");
        }
        return b.toString();
    }

    static String endpoint() {
        return "http://127.0.0.1:" + fuseki.getPort() + "/ds/sparql";
    }

    @Test
    void pagesDatasetsWithTheirDistributionsPublisherAndContact() throws Exception {
        List<Page> pages = FixtureServer.readAll(new SparqlPageSourceFactory().open(
                FixtureServer.source("sparql", endpoint() + "#pageSize=3", 10), FixtureServer.context(FixtureServer.HTTP)));

        assertThat(pages).hasSize(3);
        assertThat(pages).extracting(p -> datasets(p.graph()).size()).containsExactly(3, 3, 1);
        Set<Node> all = new HashSet<>();
        pages.forEach(p -> all.addAll(datasets(p.graph())));
        assertThat(all).hasSize(7);
        assertThat(pages.get(0).url()).isEqualTo(endpoint() + "#offset=0");
        assertThat(pages.get(2).url()).isEqualTo(endpoint() + "#offset=6");

        Graph p1 = pages.get(0).graph();
        Node ds1 = u("https://city.example/dataset/01");
        assertThat(p1.contains(ds1, u(DCT + "title"), NodeFactory.createLiteralLang("Datensatz 1", "de"))).isTrue();
        assertThat(p1.contains(u("https://city.example/dist/1a"), u(DCAT + "accessURL"), u("https://city.example/files/1.csv"))).isTrue();
        assertThat(p1.contains(u("https://city.example/dist/1b"), u(DCAT + "accessURL"), Node.ANY)).isTrue();
        // two levels below the dataset: the checksum's value (blank node under a distribution)
        assertThat(p1.contains(Node.ANY, u("http://spdx.org/rdf/terms#checksumValue"), NodeFactory.createLiteralString("ab1"))).isTrue();
        assertThat(p1.contains(u("https://city.example/org/stat"), u("http://xmlns.com/foaf/0.1/name"), Node.ANY)).isTrue();
        assertThat(p1.contains(Node.ANY, u("http://www.w3.org/2006/vcard/ns#fn"), NodeFactory.createLiteralString("Team 1"))).isTrue();
        // the catalogue itself is not part of any record page
        assertThat(p1.contains(u("https://city.example/catalogue"), Node.ANY, Node.ANY)).isFalse();
    }

    @Test
    void harvestedThroughThePipelineAndUnchangedOnReHarvest() {
        de.hanse.core.store.NodeStore store = de.hanse.core.store.NodeStore.inMemory();
        try (de.hanse.harvest.HarvestService service = new de.hanse.harvest.HarvestService(store, FixtureServer.HTTP,
                de.hanse.harvest.source.PageSources.standard(), de.hanse.harvest.validate.RecordValidator.NONE, java.time.Clock.systemUTC())) {
            var cfg = FixtureServer.source("sparql", endpoint() + "#pageSize=3", 10);
            var first = service.run(cfg, false, null);
            assertThat(first.added()).as(first.summary()).isEqualTo(7);
            // blank nodes (contact points, checksums) come back with new labels: the canonical hash must absorb them
            var again = service.run(cfg, false, null);
            assertThat(again.unchanged()).as(again.summary()).isEqualTo(7);
        } finally {
            store.close();
        }
    }

    @Test
    void aNamedGraphCanBeSelected() throws Exception {
        List<Page> pages = FixtureServer.readAll(new SparqlPageSourceFactory().open(
                FixtureServer.source("sparql", endpoint() + "#pageSize=5&graph=urn:graph:city", 10), FixtureServer.context(FixtureServer.HTTP)));
        assertThat(pages).hasSize(1);
        assertThat(datasets(pages.get(0).graph())).hasSize(2);
    }

    @Test
    void queryOrdersBySubSelectWithLimitAndOffset() {
        String q = new SparqlPageSource(endpoint(), 250, null, 10, null).query(500);
        assertThat(q).contains("ORDER BY ?d LIMIT 250 OFFSET 500").contains("CONSTRUCT");
        org.apache.jena.query.QueryFactory.create(q);
    }

    static Set<Node> datasets(Graph g) {
        return new HashSet<>(g.find(Node.ANY, u("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), u(DCAT + "Dataset")).mapWith(t -> t.getSubject()).toList());
    }

    static Node u(String s) {
        return NodeFactory.createURI(s);
    }
}
