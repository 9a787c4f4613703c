package de.hanse.harvest.source.paged;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.junit.jupiter.api.Test;

class VocabulariesTest {
    static final String EU = "http://publications.europa.eu/resource/authority/";

    @Test
    void freeTextIsMappedToVocabularyCodes() {
        assertThat(Vocabularies.fileType("Shapefile")).isEqualTo("SHP");
        assertThat(Vocabularies.fileType("geojson")).isEqualTo("GEOJSON");
        assertThat(Vocabularies.fileType("WMS")).isEqualTo("WMS_SRVC");
        assertThat(Vocabularies.fileType("text/csv")).isEqualTo("CSV");
        assertThat(Vocabularies.fileType(EU + "file-type/XLSX")).isEqualTo("XLSX");
        assertThat(Vocabularies.fileType("Excel-Tabelle mit Makros")).isNull();
        assertThat(Vocabularies.theme("tran")).isEqualTo("TRAN");
        assertThat(Vocabularies.theme("Umwelt")).isEqualTo("ENVI");
        assertThat(Vocabularies.theme("Mobilität")).isEqualTo("TRAN");
        assertThat(Vocabularies.theme("stadtplan")).isNull();
        assertThat(Vocabularies.language("ger")).isEqualTo("DEU");
        assertThat(Vocabularies.language("de")).isEqualTo("DEU");
        assertThat(Vocabularies.language("xx")).isNull();
        assertThat(Vocabularies.frequency("asNeeded")).isEqualTo("AS_NEEDED");
        assertThat(Vocabularies.license("dl-de-by-2.0")).isEqualTo("http://dcat-ap.de/def/licenses/dl-by-de/2.0");
        assertThat(Vocabularies.license("https://www.dcat-ap.de/def/licenses/odbl")).isEqualTo("http://dcat-ap.de/def/licenses/odbl");
        assertThat(Vocabularies.license("notspecified")).isNull();
    }

    /** Whatever the mappers can produce is typed in the validator's vocabulary typings, so it validates. */
    @Test
    void everyCodeTheMappersEmitIsTypedInTheValidatorTypings() {
        Graph typings = RDFDataMgr.loadGraph(VocabulariesTest.class.getResource("/shapes/vocab-typings.ttl").toString());
        List<String> iris = new ArrayList<>();
        Vocabularies.FILE_TYPES.forEach(c -> iris.add(EU + "file-type/" + c));
        Vocabularies.THEMES.forEach(c -> iris.add(EU + "data-theme/" + c));
        Vocabularies.LANGUAGES.forEach(c -> iris.add(EU + "language/" + c));
        Vocabularies.FREQUENCIES.values().forEach(c -> iris.add(EU + "frequency/" + c));
        Vocabularies.CKAN_LICENSES.values().forEach(c -> iris.add(Vocabularies.LICENSES_DE + c));
        iris.add(EU + "access-right/PUBLIC");
        Node inScheme = NodeFactory.createURI("http://www.w3.org/2004/02/skos/core#inScheme");
        assertThat(iris).allSatisfy(iri -> assertThat(typings.contains(NodeFactory.createURI(iri), inScheme, Node.ANY)).as(iri).isTrue());
    }

    @Test
    void sourceOptionsComeFromTheFragment() {
        SourceOptions o = SourceOptions.parse("https://geo.example.de/csw?SERVICE=CSW#pageSize=20&datasetBase=https%3A%2F%2Fgeo.example.de%2Fid%2F&flag");
        assertThat(o.endpoint()).isEqualTo("https://geo.example.de/csw?SERVICE=CSW");
        assertThat(o.intOption("pageSize", 50, 500)).isEqualTo(20);
        assertThat(o.get("datasetBase", null)).isEqualTo("https://geo.example.de/id/");
        assertThat(o.get("flag", null)).isEmpty();
        assertThat(SourceOptions.parse("https://x.example#pageSize=99999").intOption("pageSize", 50, 500)).isEqualTo(500);
        assertThat(SourceOptions.parse("https://x.example#pageSize=-3").intOption("pageSize", 50, 500)).isEqualTo(50);
        assertThat(SourceOptions.parse("https://x.example").options()).isEmpty();
    }

    @Test
    void dcatGraphDropsWhatIsNotValid() {
        DcatGraph g = new DcatGraph();
        Node s = NodeFactory.createURI("https://example.org/d");
        g.add(s, NodeFactory.createURI("https://example.org/p"), DcatGraph.iri("javascript:alert(1)"));
        g.add(s, NodeFactory.createURI("https://example.org/p"), DcatGraph.iri("not a url"));
        g.date(s, NodeFactory.createURI("https://example.org/date"), "31.12.2024");
        g.literal(s, NodeFactory.createURI("https://example.org/title"), "   ");
        assertThat(g.bbox(s, 13, 54, 12, 53)).isNull();
        assertThat(g.graph().isEmpty()).isTrue();
        assertThat(DcatGraph.iri("https://example.org/a b")).isEqualTo(NodeFactory.createURI("https://example.org/a%20b"));
        g.date(s, NodeFactory.createURI("https://example.org/date"), "2024-12-31T10:15");
        assertThat(g.graph().contains(s, NodeFactory.createURI("https://example.org/date"),
                NodeFactory.createLiteralDT("2024-12-31T10:15:00", org.apache.jena.datatypes.xsd.XSDDatatype.XSDdateTime))).isTrue();
    }
}
