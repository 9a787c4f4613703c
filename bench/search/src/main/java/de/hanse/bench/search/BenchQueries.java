package de.hanse.bench.search;

import java.util.List;

/**
 * The 20 fixed faceted full-text searches of the benchmark, as {@code /api/datasets} query strings: German and
 * English text, stemming, phrases, prefixes, facet filters (single and OR'd), bbox, temporal and modified ranges,
 * every sort, and a deep page. Every query also computes all six facets.
 */
final class BenchQueries {
    static final List<String> QUERIES = List.of(
            "q=Verkehrszählung",
            "q=Schulen&source=hamburg",
            "q=Radwege%20Ladestationen&theme=TRAN",
            "q=air%20quality&sort=-modified",
            "q=Straßenbaum&format=GEOJSON&format=SHP",
            "q=%22Bodenrichtwerte%20Berlin%22",
            "q=Umwelt&license=http%3A%2F%2Fdcat-ap.de%2Fdef%2Flicenses%2Fdl-by-de%2F2.0",
            "q=Haltestellen&bbox=9.8,53.4,10.2,53.7",
            "q=Mietspiegel&temporalFrom=2010-01-01&temporalTo=2015-12-31",
            "q=Klima*&keyword=Energie",
            "source=koeln&theme=ENVI&sort=title",
            "q=Spielplätze&publisher=Bauamt%20Bremen",
            "q=libraries%20%7C%20hospitals",
            "q=Baustellen&modifiedFrom=2023-01-01&sort=-modified",
            "q=Wahlergebnisse&source=leipzig&source=dresden&format=CSV",
            "bbox=6.5,50.5,7.5,51.5&theme=TRAN&sort=-modified",
            "q=Hochwasser%20-Statistik",
            "q=Gewässergüte&theme=ENVI&format=CSV&license=http%3A%2F%2Fdcat-ap.de%2Fdef%2Flicenses%2Fcc-by%2F4.0",
            "q=Verkehr&page=20&pageSize=20",
            "q=Krankenhäuser%20Apotheken&bbox=11.3,48.0,11.8,48.3&sort=title");

    private BenchQueries() {}
}
