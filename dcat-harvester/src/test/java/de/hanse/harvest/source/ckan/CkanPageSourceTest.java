package de.hanse.harvest.source.ckan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.hanse.harvest.HarvestException;
import de.hanse.harvest.source.Page;
import de.hanse.harvest.source.paged.FixtureServer;
import de.hanse.harvest.source.paged.FixtureServer.Response;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.rdf.model.ModelFactory;
import org.junit.jupiter.api.Test;

class CkanPageSourceTest {
    static final String PREFIXES = """
            PREFIX dcat: <http://www.w3.org/ns/dcat#> PREFIX dct: <http://purl.org/dc/terms/>
            PREFIX foaf: <http://xmlns.com/foaf/0.1/> PREFIX vcard: <http://www.w3.org/2006/vcard/ns#>
            PREFIX locn: <http://www.w3.org/ns/locn#> PREFIX dcatde: <http://dcat-ap.de/def/dcatde/>
            """;
    /** Serves page-<start>.json for package_search?start=<start>. */
    static FixtureServer ckan() throws Exception {
        Pattern start = Pattern.compile("[?&]start=(\\d+)");
        return new FixtureServer(r -> {
            Matcher m = start.matcher(r.pathAndQuery());
            if (!r.pathAndQuery().startsWith("/api/3/action/package_search") || !m.find())
                return new Response(404, "application/json", "{\"success\":false}".getBytes());
            return Response.ok("application/json", FixtureServer.resource("ckan/page-" + m.group(1) + ".json"));
        });
    }

    static boolean ask(Graph g, String where) {
        return FixtureServer.ask(g, PREFIXES, where);
    }

    @Test
    void modifiedSinceJoinsTheUrlsOwnFilter() {
        java.time.Instant t = java.time.Instant.parse("2026-12-01T10:15:30.123Z");
        assertThat(java.net.URLDecoder.decode(CkanPageSourceFactory.withModifiedSince("https://c.example/api/3/action/package_search", t), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("https://c.example/api/3/action/package_search?fq=metadata_modified:[2026-12-01T10:15:30Z TO *]");
        assertThat(java.net.URLDecoder.decode(CkanPageSourceFactory.withModifiedSince("https://c.example/api/3/action/package_search?q=baum&fq=organization:stadt&rows=5", t), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("https://c.example/api/3/action/package_search?q=baum&fq=(organization:stadt) AND metadata_modified:[2026-12-01T10:15:30Z TO *]&rows=5");
    }

    @Test
    void pagesThroughPackageSearchAndMapsToDcatAp() throws Exception {
        try (FixtureServer server = ckan()) {
            List<Page> pages = FixtureServer.readAll(new CkanPageSourceFactory().open(
                    FixtureServer.source("ckan", server.base() + "#pageSize=2", 10), FixtureServer.context(FixtureServer.HTTP)));

            assertThat(pages).hasSize(3);
            assertThat(server.requests()).extracting(r -> r.pathAndQuery())
                    .containsExactly("/api/3/action/package_search?rows=2&start=0&sort=id+asc",
                            "/api/3/action/package_search?rows=2&start=2&sort=id+asc",
                            "/api/3/action/package_search?rows=2&start=4&sort=id+asc");
            Graph p1 = pages.get(0).graph();
            String ds = "<" + server.base() + "/dataset/baustellen-rostock>";
            assertThat(ask(p1, ds + """
                     a dcat:Dataset ; dct:title "Baustellen" ; dct:description ?desc ;
                       dct:identifier "0a1b2c3d-0000-4000-8000-000000000001" ;
                       dcat:landingPage <https://www.opendata-hro.de/dataset/baustellen> ;
                       dcat:keyword "Baustellen", "Verkehr", "Umleitung" ;
                       dcat:theme <http://publications.europa.eu/resource/authority/data-theme/TRAN>,
                                  <http://publications.europa.eu/resource/authority/data-theme/GOVE> ;
                       dct:issued "2017-03-01T09:12:44.123456"^^<http://www.w3.org/2001/XMLSchema#dateTime> ;
                       dct:modified "2024-05-17T06:01:02.654321"^^<http://www.w3.org/2001/XMLSchema#dateTime> ;
                       dct:accrualPeriodicity <http://publications.europa.eu/resource/authority/frequency/DAILY> ;
                       dct:language <http://publications.europa.eu/resource/authority/language/DEU> ;
                       dcatde:politicalGeocodingLevelURI <http://dcat-ap.de/def/politicalGeocoding/Level/municipality> ;
                       dct:publisher ?pub ; dcat:contactPoint ?cp ; dct:spatial ?loc ; dct:temporal ?t .
                     ?pub a foaf:Agent ; foaf:name "Hanse- und Universitätsstadt Rostock" .
                     ?cp a vcard:Organization ; vcard:hasEmail <mailto:geodienste@rostock.de> .
                     ?loc a dct:Location ; locn:geometry [ a locn:Geometry ; <http://www.opengis.net/ont/geosparql#asGeoJSON> ?geo ] ;
                       dcat:bbox "POLYGON((11.99 54.05, 12.3 54.05, 12.3 54.25, 11.99 54.25, 11.99 54.05))"^^<http://www.opengis.net/ont/geosparql#wktLiteral> .
                     ?t dcat:startDate "2017-03-01"^^<http://www.w3.org/2001/XMLSchema#date> .
                    """)).isTrue();
            // a group without an EU theme mapping is not turned into a theme
            assertThat(count(p1, "SELECT ?t { " + ds + " dcat:theme ?t }")).isEqualTo(2);
            assertThat(ask(p1, ds + " dcat:distribution ?csv, ?wfs, ?json ." + """
                     ?csv dcat:accessURL <https://geo.sv.rostock.de/download/opendata/baustellen/baustellen.csv> ;
                          dcat:downloadURL <https://geo.sv.rostock.de/download/opendata/baustellen/baustellen.csv> ;
                          dct:format <http://publications.europa.eu/resource/authority/file-type/CSV> ;
                          dcat:mediaType <https://www.iana.org/assignments/media-types/text/csv> ;
                          dcat:byteSize "48211"^^<http://www.w3.org/2001/XMLSchema#nonNegativeInteger> ;
                          dct:license <http://dcat-ap.de/def/licenses/cc-zero> ;
                          <http://spdx.org/rdf/terms#checksum> [ <http://spdx.org/rdf/terms#algorithm> <http://spdx.org/rdf/terms#checksumAlgorithm_sha256> ;
                              <http://spdx.org/rdf/terms#checksumValue> "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"^^<http://www.w3.org/2001/XMLSchema#hexBinary> ] .
                     ?wfs dct:format <http://publications.europa.eu/resource/authority/file-type/WFS_SRVC> .
                     FILTER NOT EXISTS { ?wfs dcat:downloadURL ?any }
                     ?json dct:format <http://publications.europa.eu/resource/authority/file-type/GEOJSON> .
                    """)).isTrue();
            assertThat(ask(p1, "?d dct:title \"Einwohner nach Stadtbereichen\" ; dcat:distribution ?x ; dcat:theme <http://publications.europa.eu/resource/authority/data-theme/SOCI> ."
                    + " ?x dct:license <http://dcat-ap.de/def/licenses/dl-by-de/2.0> ; dcat:byteSize \"15202\"^^<http://www.w3.org/2001/XMLSchema#nonNegativeInteger> .")).isTrue();
        }
    }

    @Test
    void brokenPackagesDoNotAbortThePage() throws Exception {
        try (FixtureServer server = ckan()) {
            List<Page> pages = FixtureServer.readAll(new CkanPageSourceFactory().open(
                    FixtureServer.source("ckan", server.base() + "/api/3/action/package_search#pageSize=2", 10), FixtureServer.context(FixtureServer.HTTP)));
            Graph p2 = pages.get(1).graph();
            // the package without a title is mapped (validation flags it); the one without id and name is skipped
            assertThat(count(p2, "SELECT ?d { ?d a dcat:Dataset }")).isEqualTo(1);
            assertThat(ask(p2, "<" + server.base() + "/dataset/ohne-titel> a dcat:Dataset ; dct:description ?x ."
                    + " FILTER NOT EXISTS { ?d dct:title ?t } ?d dcat:distribution/dct:license <https://example.org/lizenz> .")).isTrue();
            Graph p3 = pages.get(2).graph();
            // extras uri wins over the generated IRI; a licence IRI in license_id is used as is; a bad date is dropped
            assertThat(ask(p3, "<https://www.opendata-hro.de/id/dataset/parkhaeuser> dcat:distribution/dct:license <http://dcat-ap.de/def/licenses/dl-zero-de/2.0> .")).isTrue();
            assertThat(ask(p3, "?d dct:title \"Haushaltsplan\" FILTER NOT EXISTS { ?d dct:modified ?m }")).isTrue();
            assertThat(pages.stream().mapToInt(p -> count(p.graph(), "SELECT ?d { ?d a dcat:Dataset }")).sum()).isEqualTo(5);
        }
    }

    @Test
    void aPortalThatCapsRowsIsStillReadToTheEnd() throws Exception {
        try (FixtureServer server = ckan()) {
            // asks for 1000 rows, gets 2 per page: the count (6) says there is more
            List<Page> pages = FixtureServer.readAll(new CkanPageSourceFactory().open(
                    FixtureServer.source("ckan", server.base() + "#pageSize=1000", 10), FixtureServer.context(FixtureServer.HTTP)));
            assertThat(pages).hasSize(3);
            assertThat(server.requests().get(2).pathAndQuery()).contains("rows=1000&start=4");
        }
    }

    @Test
    void aServerIgnoringStartIsAPageLoop() throws Exception {
        try (FixtureServer server = new FixtureServer(r -> Response.ok("application/json", FixtureServer.resource("ckan/page-0.json")))) {
            var source = new CkanPageSourceFactory().open(FixtureServer.source("ckan", server.base() + "#pageSize=2", 10), FixtureServer.context(FixtureServer.HTTP));
            assertThat(source.next()).isNotNull();
            assertThatThrownBy(source::next).isInstanceOf(HarvestException.class).hasMessageContaining("page loop");
        }
    }

    @Test
    void pageCapAndErrorsFailTheRun() throws Exception {
        try (FixtureServer server = ckan()) {
            var source = new CkanPageSourceFactory().open(FixtureServer.source("ckan", server.base() + "#pageSize=2", 2), FixtureServer.context(FixtureServer.HTTP));
            source.next();
            source.next();
            assertThatThrownBy(source::next).isInstanceOf(HarvestException.class).hasMessageContaining("maxPages");
        }
        try (FixtureServer server = new FixtureServer(r -> Response.ok("application/json", "{\"success\":false,\"error\":{\"message\":\"Solr down\"}}".getBytes()))) {
            var source = new CkanPageSourceFactory().open(FixtureServer.source("ckan", server.base(), 10), FixtureServer.context(FixtureServer.HTTP));
            assertThatThrownBy(source::next).isInstanceOf(HarvestException.class).hasMessageContaining("Solr down");
        }
    }

    static int count(Graph g, String select) {
        try (var qe = QueryExecutionFactory.create(PREFIXES + select, ModelFactory.createModelForGraph(g))) {
            int n = 0;
            for (var rs = qe.execSelect(); rs.hasNext(); rs.next()) n++;
            return n;
        }
    }

    static Node iri(String s) {
        return NodeFactory.createURI(s);
    }
}
