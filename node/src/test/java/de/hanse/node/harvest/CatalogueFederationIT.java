package de.hanse.node.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.hanse.core.config.HarvestConfig;
import de.hanse.core.config.HarvestSourceConfig;
import de.hanse.core.config.NodeConfig;
import de.hanse.harvest.HarvestModule;
import de.hanse.harvest.HarvestReport;
import de.hanse.node.HanseNode;
import de.hanse.node.TestNodes;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A city node harvests a real catalogue (Bremen) from a file; a state node harvests the city's {@code /catalogue}
 * through Hydra pages; the state then holds exactly the city's datasets, with provenance, and loses one when the
 * city does.
 */
class CatalogueFederationIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final TestNodes nodes = new TestNodes();

    @TempDir
    Path tmp;

    @AfterEach
    void close() {
        nodes.close();
    }

    @Test
    void stateHarvestsCityCatalogueThroughHydraPages() throws Exception {
        Path bremen = tmp.resolve("bremen.rdf");
        try (var in = getClass().getResourceAsStream("/demo/catalogues/bremen-catalog-original-input.rdf")) {
            Files.copy(in, bremen);
        }
        HanseNode city = nodes.start(NodeConfig.inMemory("bremen")
                .withHarvest(new HarvestConfig(List.of(HarvestSourceConfig.dcat("bremen-portal", bremen.toString())))));
        HarvestReport cityRun = harvest(city, "bremen-portal");
        assertThat(cityRun.status()).isEqualTo("SUCCEEDED");
        assertThat(cityRun.added()).isEqualTo(153);

        String cityCatalogue = city.baseUri() + "catalogue?pageSize=40";
        HanseNode state = nodes.start(NodeConfig.inMemory("land")
                .withHarvest(new HarvestConfig(List.of(HarvestSourceConfig.dcat("bremen", cityCatalogue)))));
        HarvestReport stateRun = harvest(state, "bremen");
        assertThat(stateRun.status()).as(stateRun.summary()).isEqualTo("SUCCEEDED");
        assertThat(stateRun.pages()).isEqualTo(4);
        assertThat(stateRun.added()).isEqualTo(153);

        Set<String> cityDatasets = datasets(city);
        Set<String> stateDatasets = datasets(state);
        assertThat(cityDatasets).hasSize(153);
        assertThat(stateDatasets).isEqualTo(cityDatasets);

        // provenance: every dataset at the state names the city's catalogue page it came from
        JsonNode prov = select(state, """
                PREFIX dcat: <http://www.w3.org/ns/dcat#> PREFIX foaf: <http://xmlns.com/foaf/0.1/>
                PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX hanse: <https://w3id.org/hanse/ns#>
                SELECT (COUNT(DISTINCT ?ds) AS ?n) WHERE {
                  GRAPH <urn:hanse:meta> { ?r a dcat:CatalogRecord ; foaf:primaryTopic ?ds ; prov:wasDerivedFrom ?page ;
                                            hanse:source <urn:hanse:source:bremen> }
                  FILTER(STRSTARTS(STR(?page), "%s"))
                }""".formatted(city.baseUri() + "catalogue"));
        assertThat(prov.get(0).get("n").get("value").asInt()).isEqualTo(153);

        // the city loses a dataset: the state's next harvest removes it too
        String gone = cityDatasets.iterator().next();
        String rdf = Files.readString(bremen);
        Path smaller = tmp.resolve("bremen-smaller.rdf");
        Files.writeString(smaller, removeDataset(rdf, gone, bremen.toUri().toString()));
        Files.writeString(bremen, Files.readString(smaller)); // same source path, new content
        HarvestReport cityAgain = harvest(city, "bremen-portal");
        assertThat(cityAgain.deleted()).as(cityAgain.summary()).isEqualTo(1);
        assertThat(cityAgain.unchanged()).as(cityAgain.summary()).isEqualTo(152);
        HarvestReport stateAgain = harvest(state, "bremen");
        assertThat(stateAgain.deleted()).as(stateAgain.summary()).isEqualTo(1);
        assertThat(stateAgain.unchanged()).isEqualTo(152);
        assertThat(datasets(state)).doesNotContain(gone).hasSize(152);
    }

    /** Drops the rdf:Description / dcat:Dataset element about {@code iri} from an RDF/XML document. */
    private static String removeDataset(String rdf, String iri, String base) {
        org.apache.jena.rdf.model.Model m = org.apache.jena.rdf.model.ModelFactory.createDefaultModel();
        m.read(new java.io.StringReader(rdf), base, "RDF/XML");
        org.apache.jena.rdf.model.Resource ds = m.createResource(iri);
        m.removeAll(ds, null, null);
        m.removeAll(null, null, ds);
        java.io.StringWriter w = new java.io.StringWriter();
        m.write(w, "RDF/XML");
        return w.toString();
    }

    private static HarvestReport harvest(HanseNode node, String source) {
        return node.module(HarvestModule.class).service().run(node.config().harvest().source(source).orElseThrow(), false, null);
    }

    private Set<String> datasets(HanseNode node) throws Exception {
        JsonNode rows = select(node, "PREFIX dcat: <http://www.w3.org/ns/dcat#> SELECT DISTINCT ?d WHERE { ?d a dcat:Dataset }");
        Set<String> out = new TreeSet<>();
        rows.forEach(r -> out.add(r.get("d").get("value").asText()));
        return out;
    }

    private JsonNode select(HanseNode node, String query) throws Exception {
        HttpResponse<String> r = nodes.get(node, TestNodes.sparql(query), "Accept", "application/sparql-results+json");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).get("results").get("bindings");
    }
}
