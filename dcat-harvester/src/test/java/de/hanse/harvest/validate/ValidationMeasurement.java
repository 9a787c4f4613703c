package de.hanse.harvest.validate;

import java.util.Locale;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;

/**
 * Runnable measurement behind the table in docs/harvesting.md: validates whole catalogue documents with the
 * bundled shapes, without and with the vocabulary typings, and prints violations, warnings and the vocabulary
 * checks ({@code sh:class} and {@code skos:inScheme} {@code sh:hasValue}) among the violations.
 * <pre>java -cp "$(cat cp.txt):target/classes:target/test-classes" de.hanse.harvest.validate.ValidationMeasurement file.rdf…</pre>
 */
public final class ValidationMeasurement {
    /** Counts of one validation run. */
    public record Counts(int violations, int warnings, int classViolations, int inSchemeViolations) {}

    private ValidationMeasurement() {}

    public static Counts measure(Shapes shapes, VocabTypings typings, Graph catalogue) {
        ValidationReport r = ShaclValidator.get().validate(shapes, typings.dataGraph(catalogue));
        int v = 0, w = 0, cls = 0, scheme = 0;
        for (ReportEntry e : r.getEntries()) {
            if (e.severity() != Severity.Violation) {
                if (e.severity() == Severity.Warning) w++;
                continue;
            }
            v++;
            String comp = e.sourceConstraintComponent().getLocalName();
            if (comp.equals("ClassConstraintComponent")) cls++;
            if (comp.equals("HasValueConstraintComponent") && String.valueOf(e.resultPath()).contains("inScheme")) scheme++;
        }
        return new Counts(v, w, cls, scheme);
    }

    public static void main(String[] args) {
        VocabTypings none = VocabTypings.none();
        VocabTypings bundled = VocabTypings.bundled();
        System.out.println("| catalogue | shapes | typings | violations | of which sh:class | of which skos:inScheme | warnings |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (String file : args) {
            Graph g = RDFDataMgr.loadGraph(file);
            String name = file.replaceAll(".*/", "").replace("-catalog-original-input.rdf", "");
            for (boolean de : new boolean[] {false, true}) {
                Shapes shapes = de ? ShapesBundle.dcatApDe() : ShapesBundle.dcatApOnly();
                for (VocabTypings t : new VocabTypings[] {none, bundled}) {
                    Counts c = measure(shapes, t, g);
                    System.out.printf(Locale.ROOT, "| %s | %s | %s | %,d | %,d | %,d | %,d |%n", name,
                            de ? "3.0.0 + DCAT-AP.de 3.0" : "3.0.0", t == none ? "no" : "yes",
                            c.violations(), c.classViolations(), c.inSchemeViolations(), c.warnings());
                }
            }
        }
    }
}
