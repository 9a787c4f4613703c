package de.hanse.node.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import de.hanse.core.config.HarvestConfig;
import de.hanse.core.config.HarvestSourceConfig;
import de.hanse.core.config.NodeConfig;
import de.hanse.harvest.HarvestModule;
import de.hanse.harvest.HarvestReport;
import de.hanse.node.HanseNode;
import de.hanse.node.TestNodes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * A node that harvested one catalogue file, for the export ITs: the DCAT-AP.de fixture of the dcat-harvester
 * module ({@code export/catalogue.ttl}, five datasets) or the Bremen demo catalogue (153 datasets).
 */
final class ExportFixture {
    static final String RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
    static final String DCAT_DATASET = "http://www.w3.org/ns/dcat#Dataset";

    private ExportFixture() {}

    /** The fixture file in the dcat-harvester module (tests run with the module directory as working directory). */
    static Path dcatApDeCatalogue() {
        Path p = Path.of(System.getProperty("user.dir")).resolveSibling("dcat-harvester")
                .resolve("src/test/resources/export/catalogue.ttl");
        assertThat(p).exists();
        return p;
    }

    static Path bremen(Path dir) throws IOException {
        Path p = dir.resolve("bremen.rdf");
        try (InputStream in = ExportFixture.class.getResourceAsStream("/demo/catalogues/bremen-catalog-original-input.rdf")) {
            Files.copy(in, p);
        }
        return p;
    }

    /** Starts a node harvesting {@code file} as source {@code source} and runs one harvest. */
    static HanseNode harvested(TestNodes nodes, String source, Path file, int expectedAdded) {
        HanseNode node = nodes.start(NodeConfig.inMemory("export")
                .withHarvest(new HarvestConfig(List.of(HarvestSourceConfig.dcat(source, file.toString())))));
        HarvestReport r = harvest(node, source);
        assertThat(r.status()).as(r.summary()).isEqualTo("SUCCEEDED");
        assertThat(r.added()).as(r.summary()).isEqualTo(expectedAdded);
        return node;
    }

    static HarvestReport harvest(HanseNode node, String source) {
        return node.module(HarvestModule.class).service().run(node.config().harvest().source(source).orElseThrow(), false, null);
    }

    static Graph parse(String body, Lang lang, String base) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(body, lang).base(base).parse(g);
        return g;
    }

    /** Subjects typed {@code dcat:Dataset}, as IRIs. */
    static List<String> datasets(Graph g) {
        return g.find(Node.ANY, org.apache.jena.graph.NodeFactory.createURI(RDF_TYPE), org.apache.jena.graph.NodeFactory.createURI(DCAT_DATASET))
                .mapWith(t -> t.getSubject().getURI()).toList();
    }
}
