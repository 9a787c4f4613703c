package de.hanse.harvest.validate;

import java.io.InputStream;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * The bundled SHACL shapes: DCAT-AP 3.0.0 with the DCAT-AP.de 3.0 profile (German messages, deactivations,
 * vocabulary lists, deprecations, German additions), parsed once per JVM on first use. {@link Shapes} is
 * immutable, so one instance serves every validation thread.
 */
final class ShapesBundle {
    static final String DCAT_AP = "/shapes/dcat-ap-3.0.0/dcat-ap-SHACL.ttl";
    static final String[] DCAT_AP_DE = {
        "/shapes/dcat-ap.de-3.0/dcat-ap-SHACL-DE.ttl",
        "/shapes/dcat-ap.de-3.0/dcat-ap-de-controlledvocabularies.ttl",
        "/shapes/dcat-ap.de-3.0/dcat-ap-de-deprecated.ttl",
        "/shapes/dcat-ap.de-3.0/dcat-ap-spec-german-additions.ttl"};

    private ShapesBundle() {}

    /** Lazy holder: parsed on first access, safely published by class initialisation. */
    private static final class Holder {
        static final Shapes DCAT_AP_DE_SHAPES = parse(true);
        static final Shapes DCAT_AP_ONLY = parse(false);
    }

    static Shapes dcatApDe() {
        return Holder.DCAT_AP_DE_SHAPES;
    }

    static Shapes dcatApOnly() {
        return Holder.DCAT_AP_ONLY;
    }

    private static Shapes parse(boolean withDe) {
        Graph g = GraphFactory.createGraphMem();
        read(g, DCAT_AP);
        if (withDe) for (String r : DCAT_AP_DE) read(g, r);
        return Shapes.parse(g);
    }

    private static void read(Graph g, String resource) {
        try (InputStream in = ShapesBundle.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            RDFParser.source(in).lang(Lang.TURTLE).parse(g);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
