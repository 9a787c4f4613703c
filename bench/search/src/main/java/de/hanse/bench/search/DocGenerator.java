package de.hanse.bench.search;

import static de.hanse.bench.search.CatalogueGenerator.ADJ_DE;
import static de.hanse.bench.search.CatalogueGenerator.CITIES;
import static de.hanse.bench.search.CatalogueGenerator.FORMATS;
import static de.hanse.bench.search.CatalogueGenerator.KEYWORDS;
import static de.hanse.bench.search.CatalogueGenerator.LICENSES;
import static de.hanse.bench.search.CatalogueGenerator.NOUNS_DE;
import static de.hanse.bench.search.CatalogueGenerator.NOUNS_EN;
import static de.hanse.bench.search.CatalogueGenerator.OFFICES;
import static de.hanse.bench.search.CatalogueGenerator.THEMES;

import de.hanse.catalogue.search.extract.BoundingBox;
import de.hanse.catalogue.search.extract.DatasetDoc;
import de.hanse.catalogue.search.extract.DatasetIds;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The same synthetic catalogue as {@link CatalogueGenerator}, produced directly as search documents (what the store
 * extraction yields), for loading 100,000 datasets into the index without first writing them into TDB2.
 */
final class DocGenerator {
    private DocGenerator() {}

    static List<DatasetDoc> docs(int from, int to, long seed) {
        List<DatasetDoc> out = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) out.add(doc(i, new SplittableRandom(seed * 1_000_003L + i)));
        return out;
    }

    private static DatasetDoc doc(int i, SplittableRandom r) {
        int c = i % CITIES.size();
        String city = CITIES.get(c);
        String cityName = Character.toUpperCase(city.charAt(0)) + city.substring(1);
        String iri = "https://" + city + ".example/dataset/" + i;
        int noun = r.nextInt(NOUNS_DE.size());
        Map<String, List<String>> titles = new LinkedHashMap<>();
        titles.put("de", List.of(pick(r, ADJ_DE) + " " + NOUNS_DE.get(noun) + " " + cityName + " " + (i % 97)));
        if (r.nextBoolean()) titles.put("en", List.of(NOUNS_EN.get(noun) + " in " + cityName));
        StringBuilder desc = new StringBuilder("Datensatz der Stadt " + cityName + " über " + NOUNS_DE.get(noun) + ":");
        for (int w = 0, n = 8 + r.nextInt(12); w < n; w++) desc.append(' ').append(r.nextBoolean() ? pick(r, NOUNS_DE) : pick(r, KEYWORDS));
        LinkedHashSet<String> kw = new LinkedHashSet<>();
        for (int k = 0, n = 2 + r.nextInt(3); k < n; k++) kw.add(pick(r, KEYWORDS));
        LinkedHashSet<String> themes = new LinkedHashSet<>();
        for (int k = 0, n = 1 + r.nextInt(2); k < n; k++) themes.add(pick(r, THEMES));
        String publisher = OFFICES.get(r.nextInt(OFFICES.size())) + " " + cityName;
        String license = "http://dcat-ap.de/def/licenses/" + pick(r, LICENSES);
        LinkedHashSet<String> formats = new LinkedHashSet<>();
        for (int k = 0, n = 1 + r.nextInt(3); k < n; k++) formats.add(pick(r, FORMATS));
        BoundingBox bbox = null;
        if (r.nextInt(100) < 85) {
            double[] centre = centre(c);
            double lon = centre[0] + (r.nextDouble() - 0.5) * 0.3, lat = centre[1] + (r.nextDouble() - 0.5) * 0.2, w = 0.005 + r.nextDouble() * 0.05;
            bbox = new BoundingBox(lon, lat, lon + w, lat + w * 0.6);
        }
        Long tStart = null, tEnd = null;
        boolean temporal = r.nextBoolean();
        if (temporal) {
            int y = 2000 + r.nextInt(23);
            tStart = LocalDate.of(y, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            if (r.nextInt(4) > 0) tEnd = LocalDate.of(y + r.nextInt(6), 12, 31).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        }
        long modified = LocalDate.of(2015, 1, 1).plusDays(r.nextInt(3650)).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        return new DatasetDoc(iri, DatasetIds.shortId(iri), titles, Map.of("de", List.of(desc.toString())),
                Map.of("de", List.copyOf(kw)), List.of(city), List.of(publisher), List.copyOf(themes), List.copyOf(formats),
                List.of(license), bbox, tStart, tEnd, temporal, modified);
    }

    private static double[] centre(int city) {
        double[][] centres = {{10.0, 53.55}, {8.8, 53.08}, {13.4, 52.52}, {11.58, 48.14}, {6.96, 50.94}, {8.68, 50.11},
                {9.18, 48.78}, {6.77, 51.23}, {12.37, 51.34}, {7.47, 51.51}, {7.01, 51.46}, {13.74, 51.05}, {9.73, 52.37},
                {11.08, 49.45}, {6.76, 51.43}, {7.22, 51.48}, {7.15, 51.26}, {8.53, 52.02}, {7.1, 50.73}, {12.1, 54.09}};
        return centres[city];
    }

    private static String pick(SplittableRandom r, List<String> l) {
        return l.get(r.nextInt(l.size()));
    }
}
