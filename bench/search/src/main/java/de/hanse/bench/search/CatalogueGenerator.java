package de.hanse.bench.search;

import de.hanse.core.store.NodeStore;
import de.hanse.core.vocab.Hanse;
import de.hanse.core.vocab.Vocab;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * Writes a synthetic harvested catalogue into a store, in the harvester's layout (one record graph per dataset,
 * provenance in {@code urn:hanse:meta}): 20 cities as sources, German titles (half also English), descriptions,
 * keywords, EU themes, publishers, licences, 1-3 distributions, extents (most in WGS84 WKT, some in EPSG:25832),
 * temporal coverage and modification dates. Deterministic for a seed.
 */
final class CatalogueGenerator {
    static final List<String> CITIES = List.of("hamburg", "bremen", "berlin", "muenchen", "koeln", "frankfurt", "stuttgart",
            "duesseldorf", "leipzig", "dortmund", "essen", "dresden", "hannover", "nuernberg", "duisburg", "bochum",
            "wuppertal", "bielefeld", "bonn", "rostock");
    private static final double[][] CENTRES = {{10.0, 53.55}, {8.8, 53.08}, {13.4, 52.52}, {11.58, 48.14}, {6.96, 50.94},
            {8.68, 50.11}, {9.18, 48.78}, {6.77, 51.23}, {12.37, 51.34}, {7.47, 51.51}, {7.01, 51.46}, {13.74, 51.05},
            {9.73, 52.37}, {11.08, 49.45}, {6.76, 51.43}, {7.22, 51.48}, {7.15, 51.26}, {8.53, 52.02}, {7.1, 50.73}, {12.1, 54.09}};
    static final List<String> NOUNS_DE = List.of("Verkehrszählungen", "Straßenbäume", "Schulen", "Kindergärten", "Haltestellen",
            "Radwege", "Parkplätze", "Luftqualität", "Lärmkarte", "Bebauungspläne", "Einwohnerzahlen", "Wahlergebnisse",
            "Haushaltsplan", "Gewässergüte", "Grünflächen", "Spielplätze", "Ladestationen", "Baustellen", "Denkmäler",
            "Sportstätten", "Bibliotheken", "Krankenhäuser", "Apotheken", "Wochenmärkte", "Abfallbehälter", "Hochwasser",
            "Bodenrichtwerte", "Solarpotenzial", "Mietspiegel", "Fahrradzählstellen", "Unfallstatistik", "Stadtteile");
    static final List<String> ADJ_DE = List.of("aktuelle", "historische", "jährliche", "öffentliche", "städtische", "geplante", "monatliche");
    static final List<String> NOUNS_EN = List.of("traffic counts", "street trees", "schools", "kindergartens", "bus stops",
            "cycle paths", "parking", "air quality", "noise map", "zoning plans", "population", "election results", "budget",
            "water quality", "green spaces", "playgrounds", "charging stations", "roadworks", "monuments", "sports facilities",
            "libraries", "hospitals", "pharmacies", "markets", "litter bins", "flooding", "land values", "solar potential",
            "rent index", "bicycle counters", "accidents", "districts");
    static final List<String> KEYWORDS = List.of("Verkehr", "Umwelt", "Bildung", "Gesundheit", "Mobilität", "Energie", "Klima",
            "Bevölkerung", "Finanzen", "Wohnen", "Freizeit", "Kultur", "Sicherheit", "Wirtschaft", "Geodaten", "Echtzeit",
            "Statistik", "Infrastruktur", "Soziales", "Tourismus");
    static final List<String> THEMES = List.of("AGRI", "ECON", "EDUC", "ENER", "ENVI", "GOVE", "HEAL", "INTR", "JUST", "REGI",
            "SOCI", "TECH", "TRAN");
    static final List<String> FORMATS = List.of("CSV", "JSON", "GEOJSON", "XLSX", "PDF", "WMS_SRVC", "SHP", "XML");
    static final List<String> LICENSES = List.of("dl-by-de/2.0", "dl-zero-de/2.0", "cc-by/4.0", "cc-zero", "odbl");
    static final List<String> OFFICES = List.of("Vermessungsamt", "Statistikamt", "Umweltbehörde", "Verkehrsbehörde", "Bauamt");
    private static final String THEME_NS = "http://publications.europa.eu/resource/authority/data-theme/";
    private static final String FT_NS = "http://publications.europa.eu/resource/authority/file-type/";
    private static final String LIC_NS = "http://dcat-ap.de/def/licenses/";
    private static final Node WKT = NodeFactory.createURI("http://www.opengis.net/ont/geosparql#wktLiteral");
    private static final Node GEOMETRY = NodeFactory.createURI(Vocab.LOCN + "geometry");
    private static final Node START = NodeFactory.createURI(Vocab.DCAT + "startDate");
    private static final Node END = NodeFactory.createURI(Vocab.DCAT + "endDate");

    private CatalogueGenerator() {}

    /** Writes datasets {@code [from, to)} (dataset {@code i} always looks the same for a seed). */
    static void write(NodeStore store, int from, int to, long seed) {
        store.write(dsg -> {
            for (int i = 0; i < CITIES.size(); i++) describeSource(dsg, CITIES.get(i), i % 3);
            Node now = NodeFactory.createLiteralDT(Instant.now().toString(), XSDDatatype.XSDdateTime);
            for (int i = from; i < to; i++) dataset(dsg, i, new SplittableRandom(seed * 1_000_003L + i), now);
        });
    }

    private static void dataset(DatasetGraph dsg, int i, SplittableRandom r, Node now) {
        int c = i % CITIES.size();
        String city = CITIES.get(c);
        String cityName = Character.toUpperCase(city.charAt(0)) + city.substring(1);
        Node d = NodeFactory.createURI("https://" + city + ".example/dataset/" + i);
        Node g = Hanse.recordGraph(city, d.getURI());
        int noun = r.nextInt(NOUNS_DE.size());
        add(dsg, g, d, Vocab.RDF_TYPE, Vocab.DCAT_DATASET);
        add(dsg, g, d, Vocab.DCT_title, lang(pick(r, ADJ_DE) + " " + NOUNS_DE.get(noun) + " " + cityName + " " + (i % 97), "de"));
        if (r.nextBoolean()) add(dsg, g, d, Vocab.DCT_title, lang(NOUNS_EN.get(noun) + " in " + cityName, "en"));
        StringBuilder desc = new StringBuilder("Datensatz der Stadt " + cityName + " über " + NOUNS_DE.get(noun) + ":");
        for (int w = 0, n = 8 + r.nextInt(12); w < n; w++) desc.append(' ').append(r.nextBoolean() ? pick(r, NOUNS_DE) : pick(r, KEYWORDS));
        add(dsg, g, d, Vocab.DCT_description, lang(desc.toString(), "de"));
        for (int k = 0, n = 2 + r.nextInt(3); k < n; k++) add(dsg, g, d, Vocab.DCAT_keyword, lang(pick(r, KEYWORDS), "de"));
        for (int k = 0, n = 1 + r.nextInt(2); k < n; k++) add(dsg, g, d, Vocab.DCAT_theme, NodeFactory.createURI(THEME_NS + pick(r, THEMES)));
        Node pub = NodeFactory.createURI("https://" + city + ".example/org/" + r.nextInt(OFFICES.size()));
        add(dsg, g, d, Vocab.DCT_publisher, pub);
        add(dsg, g, pub, Vocab.FOAF_name, lang(OFFICES.get(Math.floorMod(pub.getURI().hashCode(), OFFICES.size())) + " " + cityName, "de"));
        add(dsg, g, d, Vocab.DCT_license, NodeFactory.createURI(LIC_NS + pick(r, LICENSES)));
        for (int k = 0, n = 1 + r.nextInt(3); k < n; k++) {
            Node dist = NodeFactory.createURI(d.getURI() + "/dist/" + k);
            add(dsg, g, d, Vocab.DCAT_distribution, dist);
            add(dsg, g, dist, Vocab.RDF_TYPE, Vocab.DCAT_DISTRIBUTION);
            add(dsg, g, dist, Vocab.DCAT_accessURL, NodeFactory.createURI(d.getURI() + "/file/" + k));
            add(dsg, g, dist, Vocab.DCT_format, NodeFactory.createURI(FT_NS + pick(r, FORMATS)));
        }
        int geo = r.nextInt(100);
        if (geo < 85) {
            Node loc = NodeFactory.createBlankNode();
            add(dsg, g, d, Vocab.DCT_spatial, loc);
            double lon = CENTRES[c][0] + (r.nextDouble() - 0.5) * 0.3, lat = CENTRES[c][1] + (r.nextDouble() - 0.5) * 0.2;
            double w = 0.005 + r.nextDouble() * 0.05;
            String wkt = geo < 70 ? polygon(lon, lat, lon + w, lat + w * 0.6)
                    : "<http://www.opengis.net/def/crs/EPSG/0/25832> POINT(" + (500_000 + (lon - 9) * 66_000) + " " + (lat * 111_200) + ")";
            add(dsg, g, loc, GEOMETRY, NodeFactory.createLiteralDT(wkt, org.apache.jena.datatypes.TypeMapper.getInstance().getSafeTypeByName(WKT.getURI())));
        }
        if (r.nextBoolean()) {
            Node t = NodeFactory.createBlankNode();
            int y = 2000 + r.nextInt(23);
            add(dsg, g, d, Vocab.DCT_temporal, t);
            add(dsg, g, t, START, NodeFactory.createLiteralDT(y + "-01-01", XSDDatatype.XSDdate));
            if (r.nextInt(4) > 0) add(dsg, g, t, END, NodeFactory.createLiteralDT((y + r.nextInt(6)) + "-12-31", XSDDatatype.XSDdate));
        }
        LocalDate mod = LocalDate.of(2015, 1, 1).plusDays(r.nextInt(3650));
        add(dsg, g, d, Vocab.DCT_modified, NodeFactory.createLiteralDT(mod.toString(), XSDDatatype.XSDdate));
        Node m = Hanse.META;
        add(dsg, m, g, Vocab.RDF_TYPE, Vocab.DCAT_CATALOG_RECORD);
        add(dsg, m, g, Vocab.FOAF_primaryTopic, d);
        add(dsg, m, g, Hanse.source, Hanse.sourceNode(city));
        add(dsg, m, g, Vocab.PROV_wasDerivedFrom, NodeFactory.createURI("https://" + city + ".example/catalog?page=" + i / 100));
        add(dsg, m, g, Vocab.DCT_issued, now);
        add(dsg, m, g, Vocab.DCT_modified, now);
        add(dsg, m, g, Hanse.hash, NodeFactory.createLiteralString(Long.toHexString(r.nextLong())));
    }

    private static void describeSource(DatasetGraph dsg, String source, int priority) {
        Node s = Hanse.sourceNode(source);
        dsg.deleteAny(Hanse.META, s, Node.ANY, Node.ANY);
        add(dsg, Hanse.META, s, Vocab.RDF_TYPE, Hanse.HarvestSource);
        add(dsg, Hanse.META, s, Vocab.DCT_title, NodeFactory.createLiteralString(source));
        add(dsg, Hanse.META, s, Hanse.priority, NodeFactory.createLiteralDT(Integer.toString(priority), XSDDatatype.XSDinteger));
    }

    private static String polygon(double x0, double y0, double x1, double y1) {
        return "POLYGON((" + x0 + " " + y0 + ", " + x1 + " " + y0 + ", " + x1 + " " + y1 + ", " + x0 + " " + y1 + ", " + x0 + " " + y0 + "))";
    }

    private static void add(DatasetGraph dsg, Node g, Node s, Node p, Node o) {
        dsg.add(g, s, p, o);
    }

    private static Node lang(String s, String lang) {
        return NodeFactory.createLiteralLang(s, lang);
    }

    private static String pick(SplittableRandom r, List<String> l) {
        return l.get(r.nextInt(l.size()));
    }
}
