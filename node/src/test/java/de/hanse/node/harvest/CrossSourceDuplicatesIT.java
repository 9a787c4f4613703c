package de.hanse.node.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import de.hanse.catalogue.CatalogueView;
import de.hanse.core.config.HarvestConfig;
import de.hanse.core.config.HarvestSourceConfig;
import de.hanse.core.config.NodeConfig;
import de.hanse.core.vocab.Hanse;
import de.hanse.core.vocab.Vocab;
import de.hanse.harvest.HarvestModule;
import de.hanse.node.HanseNode;
import de.hanse.node.TestNodes;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The same datasets harvested from a city portal and from the state geoportal (two real sources on loopback): the
 * merged view ({@link CatalogueView} and {@code GET /catalogue}) shows each dataset once, the newest
 * {@code dct:modified} wins, on a tie the source with the higher priority; provenance keeps both records.
 */
class CrossSourceDuplicatesIT {
    private static final String X = "https://daten.example.org/dataset/baeume"; // newer at the city
    private static final String Y = "https://daten.example.org/dataset/schulen"; // same date: state has priority
    private static final String C = "https://daten.example.org/dataset/nur-stadt";
    private static final String S = "https://daten.example.org/dataset/nur-land";
    private final TestNodes nodes = new TestNodes();
    private LoopbackSource sources;

    @AfterEach
    void close() {
        nodes.close();
        if (sources != null) sources.close();
    }

    @Test
    void duplicateAppearsOnceNewestThenPriorityWithBothOriginsKept() throws Exception {
        sources = new LoopbackSource();
        sources.page("/stadt.ttl", LoopbackSource.PREFIXES + LoopbackSource.dataset(X, "Bäume (Stadt)", "2024-05-01")
                + LoopbackSource.dataset(Y, "Schulen (Stadt)", "2024-01-01") + LoopbackSource.dataset(C, "Nur Stadt", "2023-01-01"));
        sources.page("/land.ttl", LoopbackSource.PREFIXES + LoopbackSource.dataset(X, "Bäume (Land)", "2024-03-01")
                + LoopbackSource.dataset(Y, "Schulen (Land)", "2024-01-01") + LoopbackSource.dataset(S, "Nur Land", "2023-01-01"));
        HarvestSourceConfig city = new HarvestSourceConfig("stadt", "dcat", sources.url("/stadt.ttl"), null, 0, null, null, null, null, null, false);
        HarvestSourceConfig state = new HarvestSourceConfig("geoportal-land", "dcat", sources.url("/land.ttl"), null, 5, null, null, null, null, null, false);
        HanseNode node = nodes.start(NodeConfig.inMemory("land").withHarvest(new HarvestConfig(List.of(city, state))));
        var service = node.module(HarvestModule.class).service();
        assertThat(service.run(city, false, null).added()).isEqualTo(3);
        assertThat(service.run(state, false, null).added()).isEqualTo(3);

        List<CatalogueView.Entry> view = node.context().store().read(dsg -> CatalogueView.entries(dsg, null));
        Map<String, CatalogueView.Entry> byDataset = view.stream().collect(Collectors.toMap(CatalogueView.Entry::dataset, e -> e));
        assertThat(byDataset.keySet()).containsExactlyInAnyOrder(X, Y, C, S);
        assertThat(byDataset.get(X).record()).isEqualTo(Hanse.recordGraph("stadt", X));
        assertThat(byDataset.get(Y).record()).isEqualTo(Hanse.recordGraph("geoportal-land", Y));
        assertThat(byDataset.get(X).allRecords()).containsExactlyInAnyOrder(Hanse.recordGraph("stadt", X), Hanse.recordGraph("geoportal-land", X));
        assertThat(byDataset.get(Y).allRecords()).hasSize(2);

        // provenance: both catalogue records of X are kept, one per source
        List<Node> origins = node.context().store().read(dsg -> {
            List<Node> out = new java.util.ArrayList<>();
            dsg.find(Hanse.META, Node.ANY, Vocab.FOAF_primaryTopic, NodeFactory.createURI(X))
                    .forEachRemaining(q -> out.add(metaObject(dsg, q.getSubject(), Hanse.source)));
            return out;
        });
        assertThat(origins).containsExactlyInAnyOrder(Hanse.sourceNode("stadt"), Hanse.sourceNode("geoportal-land"));

        HttpResponse<String> r = nodes.get(node, "catalogue?pageSize=50", "Accept", "text/turtle");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.create().source(new StringReader(r.body())).lang(Lang.TURTLE).parse(g);
        List<Node> listed = g.find(Node.ANY, Vocab.DCAT_dataset, Node.ANY).mapWith(t -> t.getObject()).toList();
        assertThat(listed).extracting(Node::getURI).containsExactlyInAnyOrder(X, Y, C, S);
        assertThat(titles(g, X)).containsExactly("Bäume (Stadt)");
        assertThat(titles(g, Y)).containsExactly("Schulen (Land)");
    }

    private static List<String> titles(Graph g, String dataset) {
        return g.find(NodeFactory.createURI(dataset), Vocab.DCT_title, Node.ANY).mapWith(t -> t.getObject().getLiteralLexicalForm()).toList();
    }

    private static Node metaObject(org.apache.jena.sparql.core.DatasetGraph dsg, Node s, Node p) {
        var it = dsg.find(Hanse.META, s, p, Node.ANY);
        return it.hasNext() ? it.next().getObject() : null;
    }
}
