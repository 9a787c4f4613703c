package de.hanse.harvest;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Small DCAT-AP Turtle pages for harvest tests. */
public final class Fixtures {
    private Fixtures() {}

    public static final String PREFIXES = """
            @prefix dcat: <http://www.w3.org/ns/dcat#> .
            @prefix dct: <http://purl.org/dc/terms/> .
            @prefix hydra: <http://www.w3.org/ns/hydra/core#> .
            @prefix foaf: <http://xmlns.com/foaf/0.1/> .
            @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
            """;

    /** A dataset with two distributions, one a blank node. */
    public static String dataset(String iri, String title) {
        return """
                <%1$s> a dcat:Dataset ;
                  dct:title "%2$s"@de ;
                  dct:description "Beschreibung von %2$s"@de ;
                  dct:identifier "%1$s" ;
                  dcat:keyword "test" ;
                  dct:publisher <https://example.org/org/stadt> ;
                  dcat:distribution <%1$s/csv> , [ a dcat:Distribution ; dcat:accessURL <%1$s/api> ; dct:format "JSON" ] .
                <%1$s/csv> a dcat:Distribution ; dcat:downloadURL <%1$s/data.csv> ; dct:format "CSV" .
                <https://example.org/org/stadt> a foaf:Agent ; foaf:name "Stadt" .
                """.formatted(iri, title);
    }

    /** A page with datasets {@code from..to} (inclusive) and an optional next link. */
    public static String page(String pageUrl, String nextUrl, int from, int to) {
        String body = IntStream.rangeClosed(from, to).mapToObj(i -> dataset("https://example.org/dataset/" + i, "Datensatz " + i))
                .collect(Collectors.joining("\n"));
        String hydra = "<" + pageUrl + "> a hydra:PartialCollectionView" + (nextUrl != null ? " ; hydra:next <" + nextUrl + ">" : "") + " .\n";
        return PREFIXES + body + hydra;
    }
}
