package de.hanse.bench.sparql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.mem2.GraphMem2Fast;

/**
 * A seeded synthetic federation: a hub (shared vocabularies: observable properties, units, sensor models, themes,
 * media types, and a catalogue whose records point at the cities' datasets) and four cities, each minting IRIs under
 * its own authority, each with DCAT datasets/distributions and SOSA sensors, platforms, districts and observations.
 * Joins cross sources through the hub's IRIs. Nothing is written to disk.
 */
public final class DataGenerator {
    public static final List<String> CITIES = List.of("koeln", "bonn", "muenster", "dresden");
    static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#", RDFS = "http://www.w3.org/2000/01/rdf-schema#";
    static final String DCAT = "http://www.w3.org/ns/dcat#", DCT = "http://purl.org/dc/terms/", FOAF = "http://xmlns.com/foaf/0.1/";
    static final String SOSA = "http://www.w3.org/ns/sosa/", EX = "https://w3id.org/hanse/example#", HUB = "https://hub.example/";
    static final int PROPS = 20, MODELS = 50, THEMES = 12, DISTRICTS = 10;

    private final Random random;
    private final int sensors, observationsPerSensor, datasets;

    /** @param scale 1.0 gives about 1.02 million triples in all */
    public DataGenerator(long seed, double scale) {
        this.random = new Random(seed);
        this.sensors = 500;
        this.observationsPerSensor = Math.max(1, (int) Math.round(95 * scale));
        this.datasets = Math.max(10, (int) Math.round(1000 * scale));
    }

    /** Endpoint name to its graph: {@code hub} first, then the cities. */
    public Map<String, Graph> generate() {
        Map<String, Graph> out = new LinkedHashMap<>();
        out.put("hub", hub());
        for (String c : CITIES) out.put(c, city(c));
        return out;
    }

    private Graph hub() {
        Graph g = new GraphMem2Fast();
        for (int p = 0; p < PROPS; p++) {
            add(g, hub("prop/" + p), RDF + "type", iri(SOSA + "ObservableProperty"));
            add(g, hub("prop/" + p), RDFS + "label", lit("property " + p));
            add(g, hub("prop/" + p), EX + "unit", hub("unit/" + p % 7));
        }
        for (int u = 0; u < 7; u++) add(g, hub("unit/" + u), RDFS + "label", lit("unit " + u));
        for (int m = 0; m < MODELS; m++) {
            add(g, hub("model/" + m), RDFS + "label", lit("sensor model " + m));
            add(g, hub("model/" + m), EX + "manufacturer", lit("maker " + m % 9));
        }
        for (int t = 0; t < THEMES; t++) add(g, hub("theme/" + t), RDFS + "label", lit("theme " + t));
        for (String mt : List.of("csv", "json", "geojson")) add(g, hub("mt/" + mt), RDFS + "label", lit(mt));
        add(g, hub("catalog"), RDF + "type", iri(DCAT + "Catalog"));
        for (String c : CITIES)
            for (int d = 0; d < datasets; d++) {
                Node r = hub("record/" + c + "/" + d);
                add(g, hub("catalog"), DCAT + "record", r);
                add(g, r, RDF + "type", iri(DCAT + "CatalogRecord"));
                add(g, r, FOAF + "primaryTopic", cityIri(c, "dataset/" + d));
                add(g, r, DCT + "modified", typed(String.format("2025-%02d-%02d", 1 + random.nextInt(12), 1 + random.nextInt(28)), XSDDatatype.XSDdate));
            }
        return g;
    }

    private Graph city(String c) {
        Graph g = new GraphMem2Fast();
        Node city = cityIri(c, "city");
        add(g, city, RDF + "type", iri(EX + "City"));
        add(g, city, RDFS + "label", lit(c));
        for (int d = 0; d < DISTRICTS; d++) {
            add(g, cityIri(c, "district/" + d), EX + "partOf", city);
            add(g, cityIri(c, "district/" + d), RDFS + "label", lit(c + " district " + d));
        }
        for (int d = 0; d < datasets; d++) {
            Node ds = cityIri(c, "dataset/" + d), dist = cityIri(c, "distribution/" + d);
            add(g, ds, RDF + "type", iri(DCAT + "Dataset"));
            add(g, ds, DCT + "title", lit(c + " dataset " + d));
            add(g, ds, DCT + "publisher", cityIri(c, "org"));
            add(g, ds, DCAT + "theme", hub("theme/" + random.nextInt(THEMES)));
            add(g, ds, DCAT + "keyword", lit("kw" + random.nextInt(100)));
            add(g, ds, DCT + "issued", typed(String.format("2024-%02d-01", 1 + random.nextInt(12)), XSDDatatype.XSDdate));
            add(g, ds, DCAT + "distribution", dist);
            add(g, dist, RDF + "type", iri(DCAT + "Distribution"));
            add(g, dist, DCAT + "accessURL", cityIri(c, "files/" + d));
            add(g, dist, DCAT + "mediaType", hub("mt/" + List.of("csv", "json", "geojson").get(d % 3)));
        }
        for (int s = 0; s < sensors; s++) {
            Node sensor = cityIri(c, "sensor/" + s), platform = cityIri(c, "platform/" + s);
            Node prop = hub("prop/" + random.nextInt(PROPS));
            add(g, platform, EX + "inDistrict", cityIri(c, "district/" + s % DISTRICTS));
            add(g, sensor, RDF + "type", iri(SOSA + "Sensor"));
            add(g, sensor, SOSA + "observes", prop);
            add(g, sensor, SOSA + "isHostedBy", platform);
            add(g, sensor, EX + "model", hub("model/" + random.nextInt(MODELS)));
            if (random.nextBoolean())
                add(g, sensor, EX + "installedAt", typed(String.format("20%02d-%02d-01", 15 + random.nextInt(10), 1 + random.nextInt(12)), XSDDatatype.XSDdate));
            for (int o = 0; o < observationsPerSensor; o++) {
                Node obs = cityIri(c, "observation/" + s + "/" + o);
                add(g, obs, RDF + "type", iri(SOSA + "Observation"));
                add(g, obs, SOSA + "madeBySensor", sensor);
                add(g, obs, SOSA + "observedProperty", prop);
                add(g, obs, SOSA + "hasSimpleResult", typed(String.format(java.util.Locale.ROOT, "%.1f", random.nextDouble() * 50), XSDDatatype.XSDdecimal));
                int minutes = o * 60 * 24 * 90 / observationsPerSensor;
                add(g, obs, SOSA + "resultTime", typed(String.format("2025-%02d-%02dT%02d:%02d:00Z", 1 + minutes / (60 * 24 * 30),
                        1 + (minutes / (60 * 24)) % 28, (minutes / 60) % 24, minutes % 60), XSDDatatype.XSDdateTime));
            }
        }
        return g;
    }

    private static void add(Graph g, Node s, String p, Node o) {
        g.add(Triple.create(s, iri(p), o));
    }

    static Node iri(String s) {
        return NodeFactory.createURI(s);
    }

    static Node hub(String local) {
        return iri(HUB + local);
    }

    static Node cityIri(String city, String local) {
        return iri("https://" + city + ".example/" + local);
    }

    private static Node lit(String s) {
        return NodeFactory.createLiteralString(s);
    }

    private static Node typed(String lex, XSDDatatype dt) {
        return NodeFactory.createLiteralDT(lex, dt);
    }
}
