package de.hanse.harvest.source.csw;

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
import org.junit.jupiter.api.Test;

class CswPageSourceTest {
    static final String PREFIXES = """
            PREFIX dcat: <http://www.w3.org/ns/dcat#> PREFIX dct: <http://purl.org/dc/terms/>
            PREFIX foaf: <http://xmlns.com/foaf/0.1/> PREFIX vcard: <http://www.w3.org/2006/vcard/ns#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
            """;
    /** A CSW that answers GetRecords POSTs with csw/page-<startPosition>.xml. */
    static FixtureServer csw() throws Exception {
        Pattern start = Pattern.compile("startPosition=\"(\\d+)\"");
        return new FixtureServer(r -> {
            Matcher m = start.matcher(r.body());
            if (!r.method().equals("POST") || !r.body().contains("<csw:GetRecords") || !m.find())
                return Response.ok("application/xml", FixtureServer.resource("csw/exception.xml"));
            return Response.ok("application/xml", FixtureServer.resource("csw/page-" + m.group(1) + ".xml"));
        });
    }

    static boolean ask(Graph g, String where) {
        // eu:<table>/<code> is shorthand here for the EU authority IRIs (not valid SPARQL prefixed names)
        String q = where.replaceAll("eu:([a-z-]+/[A-Z_0-9]+)", "<http://publications.europa.eu/resource/authority/$1>");
        return FixtureServer.ask(g, PREFIXES, q);
    }

    static List<Page> harvest(FixtureServer server, String fragment) throws HarvestException {
        return FixtureServer.readAll(new CswPageSourceFactory().open(
                FixtureServer.source("csw", server.base() + "/csw" + fragment, 10), FixtureServer.context(FixtureServer.HTTP)));
    }

    @Test
    void getRecordsPagesFollowNextRecordAndMapToGeoDcatAp() throws Exception {
        try (FixtureServer server = csw()) {
            List<Page> pages = harvest(server, "#pageSize=2");

            assertThat(pages).hasSize(3);
            assertThat(server.requests()).extracting(r -> r.body().replaceAll("(?s).*(startPosition=\"\\d+\" maxRecords=\"\\d+\").*", "$1"))
                    .containsExactly("startPosition=\"1\" maxRecords=\"2\"", "startPosition=\"3\" maxRecords=\"2\"", "startPosition=\"5\" maxRecords=\"2\"");
            assertThat(server.requests().get(0).body()).contains("outputSchema=\"http://www.isotc211.org/2005/gmd\"", "resultType=\"results\"");
            Graph p1 = pages.get(0).graph();
            assertThat(ask(p1, """
                    <urn:uuid:5e1b7f4a-3c2d-4e8f-9a0b-1c2d3e4f5a6b> a dcat:Dataset ;
                        dct:identifier "5e1b7f4a-3c2d-4e8f-9a0b-1c2d3e4f5a6b" ;
                        dct:title "Bebauungspläne Rostock"@de ; dct:description ?abstract ;
                        dcat:keyword "Bebauungsplan"@de, "Bauleitplanung"@de, "Bodennutzung"@de ;
                        dcat:theme eu:data-theme/REGI ;
                        dct:language eu:language/DEU ;
                        dct:issued "2013-01-15"^^xsd:date ; dct:modified "2024-03-20"^^xsd:date ;
                        dct:accrualPeriodicity eu:frequency/AS_NEEDED ;
                        dct:accessRights eu:access-right/PUBLIC ;
                        dct:spatial [ a dct:Location ; dcat:bbox "POLYGON((11.9936 54.0486, 12.3045 54.0486, 12.3045 54.2466, 11.9936 54.2466, 11.9936 54.0486))"^^<http://www.opengis.net/ont/geosparql#wktLiteral> ] ;
                        dct:publisher [ a foaf:Agent ; foaf:name "Hanse- und Universitätsstadt Rostock" ] ;
                        dcat:contactPoint [ a vcard:Organization ; vcard:fn "Amt für Stadtentwicklung, Stadtplanung und Wirtschaft" ;
                                            vcard:hasEmail <mailto:stadtplanung@rostock.de> ] ;
                        dcat:distribution ?zip, ?wms .
                    ?zip dcat:accessURL <https://geo.sv.rostock.de/download/opendata/bebauungsplaene/bebauungsplaene.zip> ;
                         dcat:downloadURL <https://geo.sv.rostock.de/download/opendata/bebauungsplaene/bebauungsplaene.zip> ;
                         dct:format eu:file-type/SHP ; dct:title "Download (Shapefile)" ;
                         dct:license <http://dcat-ap.de/def/licenses/dl-by-de/2.0> .
                    ?wms dct:format eu:file-type/WMS_SRVC ; dct:license <http://dcat-ap.de/def/licenses/dl-by-de/2.0> .
                    FILTER NOT EXISTS { ?wms dcat:downloadURL ?x }
                    """)).isTrue();
            // both the JSON and the name of the licence are recognised, so neither becomes a rights statement
            assertThat(ask(p1, "<urn:uuid:5e1b7f4a-3c2d-4e8f-9a0b-1c2d3e4f5a6b> dcat:distribution/dct:rights ?r")).isFalse();
            // no UUID and no datasetBase: the record's GetRecordById URL; custodian as publisher fallback;
            // an Anchor licence link and a useLimitation as rights statement
            assertThat(ask(p1, """
                    ?d dct:identifier "DE-MV-SN-baumkataster" ; dct:publisher/foaf:name "Landeshauptstadt Schwerin, Fachdienst Umwelt" ;
                       dct:accrualPeriodicity eu:frequency/ANNUAL ; dcat:theme eu:data-theme/ENVI ;
                       dcat:distribution ?csv .
                    ?csv dct:format eu:file-type/CSV ; dct:license <http://dcat-ap.de/def/licenses/cc-by/4.0> ;
                         dct:rights [ a dct:RightsStatement ; rdfs:label ?lim ] .
                    FILTER (STRSTARTS(STR(?d), "%s/csw?service=CSW&version=2.0.2&request=GetRecordById") && STRENDS(STR(?d), "&id=DE-MV-SN-baumkataster"))
                    FILTER (CONTAINS(?lim, "Quellenangabe"))
                    """.formatted(server.base()))).isTrue();
        }
    }

    @Test
    void recordWithoutTitleIsMappedAndServicesAreSkipped() throws Exception {
        try (FixtureServer server = csw()) {
            List<Page> pages = harvest(server, "#pageSize=2&datasetBase=https://geo.example.de/id/");
            Graph p2 = pages.get(1).graph();
            assertThat(ask(p2, """
                    <https://geo.example.de/id/7a7a7a7a-0000-4000-8000-000000000003> a dcat:Dataset ; dct:description ?a ;
                        dcat:contactPoint/vcard:hasEmail <mailto:geo@lkros.de> .
                    FILTER NOT EXISTS { <https://geo.example.de/id/7a7a7a7a-0000-4000-8000-000000000003> dct:title ?t }
                    """)).isTrue();
            assertThat(ask(p2, "?s dct:identifier \"8b8b8b8b-0000-4000-8000-000000000004\"")).isFalse();
            // page 3 holds an ISO 19115-2 record (gmi:MI_Metadata)
            assertThat(ask(pages.get(2).graph(), "<https://geo.example.de/id/9c9c9c9c-0000-4000-8000-000000000005> dcat:distribution/dct:format eu:file-type/GEOJSON ; dcat:theme eu:data-theme/TRAN")).isTrue();
        }
    }

    @Test
    void doctypeIsRefusedAndExceptionReportsFailTheRun() throws Exception {
        try (FixtureServer server = new FixtureServer(r -> Response.ok("application/xml", FixtureServer.resource("csw/xxe.xml")))) {
            assertThatThrownBy(() -> harvest(server, "")).isInstanceOf(HarvestException.class).hasMessageContaining("DOCTYPE");
        }
        try (FixtureServer server = new FixtureServer(r -> Response.ok("application/xml", FixtureServer.resource("csw/exception.xml")))) {
            assertThatThrownBy(() -> harvest(server, "")).isInstanceOf(HarvestException.class).hasMessageContaining("Index wird neu aufgebaut");
        }
    }

    @Test
    void nextRecordThatDoesNotAdvanceIsAPageLoop() throws Exception {
        byte[] page = new String(FixtureServer.resource("csw/page-1.xml"), java.nio.charset.StandardCharsets.UTF_8)
                .replace("nextRecord=\"3\"", "nextRecord=\"1\"").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (FixtureServer server = new FixtureServer(r -> Response.ok("application/xml", page))) {
            assertThatThrownBy(() -> harvest(server, "#pageSize=2")).isInstanceOf(HarvestException.class).hasMessageContaining("page loop");
        }
    }
}
