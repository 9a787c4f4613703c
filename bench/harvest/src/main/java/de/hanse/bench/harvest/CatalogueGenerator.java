package de.hanse.bench.harvest;

import java.util.SplittableRandom;

/**
 * Generates a DCAT-AP catalogue deterministically from a seed: dataset {@code i} always looks the same in the same
 * version. Realistic shape: title, description, identifier, dates, 3-6 keywords, a theme, a publisher (one of 200
 * shared organisations), a spatial blank node with a bbox, a licence, access rights, a contact point and 2-5
 * distributions with format, media type, licence and size. Version 1 changes 1% of the datasets (new title and
 * modified date) and removes another 1%. Stateless and thread-safe.
 */
final class CatalogueGenerator {
    static final String BASE = "https://geo.example.org/";
    private static final String[] TOPICS = {"Baumkataster", "Luftqualität", "Haltestellen", "Parkplätze", "Bebauungspläne",
            "Radwege", "Wahlergebnisse", "Schulen", "Kitas", "Lärmkarte", "Spielplätze", "Verkehrszählung"};
    private static final String[] CITIES = {"Hamburg", "Bremen", "Rostock", "Kiel", "Lübeck", "Potsdam", "Dresden", "Halle"};
    private static final String[] FORMATS = {"CSV", "JSON", "GEOJSON", "WMS_SRVC", "SHP", "XLSX"};
    private static final String[] MEDIA = {"text/csv", "application/json", "application/geo+json", "application/xml",
            "application/zip", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"};
    private static final String[] THEMES = {"ENVI", "TRAN", "GOVE", "SOCI", "EDUC", "REGI"};

    private final long seed;

    CatalogueGenerator(long seed) {
        this.seed = seed;
    }

    static String prefixes() {
        return """
                @prefix dcat: <http://www.w3.org/ns/dcat#> .
                @prefix dct: <http://purl.org/dc/terms/> .
                @prefix foaf: <http://xmlns.com/foaf/0.1/> .
                @prefix vcard: <http://www.w3.org/2006/vcard/ns#> .
                @prefix hydra: <http://www.w3.org/ns/hydra/core#> .
                @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
                @prefix gsp: <http://www.opengis.net/ont/geosparql#> .
                """;
    }

    private long mix(long i) {
        long z = seed * 0x9E3779B97F4A7C15L + i * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 31)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 29);
    }

    /** In version 1 this dataset is modified. */
    boolean changed(int i) {
        return Math.floorMod(mix(i), 100) == 0;
    }

    /** In version 1 this dataset is gone. */
    boolean removed(int i) {
        return Math.floorMod(mix(i), 100) == 1;
    }

    static String iri(int i) {
        return BASE + "dataset/" + i;
    }

    /** Turtle for dataset {@code i} in {@code version}, or "" when the version no longer has it. */
    void dataset(StringBuilder out, int i, int version) {
        if (version >= 1 && removed(i)) return;
        boolean bumped = version >= 1 && changed(i);
        SplittableRandom r = new SplittableRandom(mix(i));
        String ds = iri(i);
        String topic = TOPICS[r.nextInt(TOPICS.length)];
        String city = CITIES[r.nextInt(CITIES.length)];
        int pub = r.nextInt(200);
        out.append('<').append(ds).append("> a dcat:Dataset ;\n  dct:title \"").append(topic).append(' ').append(city).append(' ').append(i)
                .append(bumped ? " (aktualisiert)" : "").append("\"@de ;\n  dct:description \"Der Datensatz ").append(topic)
                .append(" der Stadt ").append(city).append(" enthält Angaben zu ").append(r.nextInt(10_000))
                .append(" Objekten; er wird regelmäßig fortgeschrieben und steht unter einer offenen Lizenz.\"@de ;\n")
                .append("  dct:identifier \"ds-").append(i).append("\" ;\n")
                .append("  dct:issued \"20").append(10 + r.nextInt(14)).append("-0").append(1 + r.nextInt(9)).append("-1").append(r.nextInt(10))
                .append("\"^^xsd:date ;\n  dct:modified \"").append(bumped ? "2026-06-01T12:00:00Z" : "2024-0" + (1 + r.nextInt(9)) + "-15T08:30:00Z")
                .append("\"^^xsd:dateTime ;\n  dcat:keyword ");
        int keywords = 3 + r.nextInt(4);
        for (int k = 0; k < keywords; k++) out.append(k > 0 ? ", " : "").append("\"").append(topic).append(' ').append(r.nextInt(50)).append("\"@de");
        out.append(" ;\n  dcat:theme <http://publications.europa.eu/resource/authority/data-theme/").append(THEMES[r.nextInt(THEMES.length)])
                .append("> ;\n  dct:publisher <").append(BASE).append("org/").append(pub).append("> ;\n")
                .append("  dct:license <http://dcat-ap.de/def/licenses/dl-by-de/2.0> ;\n")
                .append("  dct:accessRights <http://publications.europa.eu/resource/authority/access-right/PUBLIC> ;\n");
        double x = 8 + r.nextDouble() * 6, y = 48 + r.nextDouble() * 6;
        out.append("  dct:spatial [ a dct:Location ; dcat:bbox \"POLYGON((").append(fmt(x)).append(' ').append(fmt(y)).append(", ")
                .append(fmt(x + 0.1)).append(' ').append(fmt(y)).append(", ").append(fmt(x + 0.1)).append(' ').append(fmt(y + 0.1)).append(", ")
                .append(fmt(x)).append(' ').append(fmt(y)).append("))\"^^gsp:wktLiteral ] ;\n")
                .append("  dcat:contactPoint [ a vcard:Organization ; vcard:fn \"Geodatenstelle ").append(city)
                .append("\" ; vcard:hasEmail <mailto:geodaten@").append(city.toLowerCase(java.util.Locale.ROOT).replace('ü', 'u').replace('ö', 'o'))
                .append(".example.org> ] ;\n  dcat:distribution ");
        int dists = 2 + r.nextInt(4);
        for (int d = 0; d < dists; d++) out.append(d > 0 ? ", " : "").append('<').append(ds).append("/dist/").append(d).append('>');
        out.append(" .\n");
        for (int d = 0; d < dists; d++) {
            int f = r.nextInt(FORMATS.length);
            out.append('<').append(ds).append("/dist/").append(d).append("> a dcat:Distribution ; dct:title \"").append(topic).append(' ')
                    .append(FORMATS[f]).append("\"@de ;\n  dcat:accessURL <").append(BASE).append("api/").append(i).append('/').append(d)
                    .append("> ; dcat:downloadURL <").append(BASE).append("files/").append(i).append('/').append(d).append('.')
                    .append(FORMATS[f].toLowerCase(java.util.Locale.ROOT)).append("> ;\n  dct:format <http://publications.europa.eu/resource/authority/file-type/")
                    .append(FORMATS[f]).append("> ; dcat:mediaType <https://www.iana.org/assignments/media-types/").append(MEDIA[f])
                    .append("> ;\n  dct:license <http://dcat-ap.de/def/licenses/dl-by-de/2.0> ; dcat:byteSize \"").append(1000 + r.nextInt(5_000_000))
                    .append("\"^^xsd:nonNegativeInteger .\n");
        }
        out.append('<').append(BASE).append("org/").append(pub).append("> a foaf:Agent ; foaf:name \"Amt ").append(pub).append("\" .\n");
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.4f", v);
    }

    /** One Hydra page: datasets {@code [from, to)} of {@code version}, with a next link when {@code next != null}. */
    String page(String pageUrl, String nextUrl, int from, int to, int version) {
        StringBuilder sb = new StringBuilder(4096 * (to - from) + 512);
        sb.append(prefixes());
        for (int i = from; i < to; i++) dataset(sb, i, version);
        sb.append('<').append(pageUrl).append("> a hydra:PartialCollectionView");
        if (nextUrl != null) sb.append(" ;\n  hydra:next <").append(nextUrl).append('>');
        sb.append(" .\n");
        return sb.toString();
    }
}
