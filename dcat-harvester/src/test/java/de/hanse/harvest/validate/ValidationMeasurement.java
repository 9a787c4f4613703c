package de.hanse.harvest.validate;

import de.hanse.core.vocab.Hanse;
import de.hanse.core.vocab.Vocab;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;
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

    /** The dataset's record: its triples and those of the nodes it reaches (not other datasets), 3 levels deep. */
    static Graph record(Graph g, Node dataset) {
        Graph r = GraphFactory.createGraphMem();
        Set<Node> seen = new HashSet<>(Set.of(dataset));
        List<Node> level = List.of(dataset);
        for (int depth = 0; depth < 4 && !level.isEmpty(); depth++) {
            List<Node> next = new ArrayList<>();
            for (Node s : level) g.find(s, Node.ANY, Node.ANY).forEachRemaining(t -> {
                r.add(t);
                Node o = t.getObject();
                if (!o.isLiteral() && !g.contains(o, Vocab.RDF_TYPE, Vocab.DCAT_DATASET) && seen.add(o)) next.add(o);
            });
            level = next;
        }
        return r;
    }

    /** Validates every dataset of the catalogue as its own record; prints records/s, mean violations and score. */
    static void perRecord(String name, Graph g) {
        ShaclRecordValidator v = new ShaclRecordValidator();
        List<Node> datasets = g.find(Node.ANY, Vocab.RDF_TYPE, Vocab.DCAT_DATASET).mapWith(t -> t.getSubject()).toList();
        List<Graph> records = datasets.stream().map(d -> record(g, d)).toList();
        for (int w = 0; w < 3; w++) for (int i = 0; i < records.size(); i++) v.validate(records.get(i), datasets.get(i), NodeFactory.createURI("urn:warm")); // JIT warm-up
        long t0 = System.nanoTime();
        long violations = 0, score = 0, conforming = 0;
        for (int i = 0; i < records.size(); i++) {
            var r = v.validate(records.get(i), datasets.get(i), NodeFactory.createURI("urn:hanse:report:" + i));
            violations += r.violations();
            conforming += r.conforms() ? 1 : 0;
            score += Integer.parseInt(r.reportGraph().find(NodeFactory.createURI("urn:hanse:report:" + i), Hanse.p("score"), Node.ANY)
                    .next().getObject().getLiteralLexicalForm());
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "| %s | %d | %.0f | %.1f | %d | %.0f |%n", name, records.size(), records.size() / secs,
                (double) violations / records.size(), conforming, (double) score / records.size());
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
        System.out.println();
        System.out.println("| catalogue | records | records/s | violations per record | conforming | mean score |");
        System.out.println("|---|---|---|---|---|---|");
        for (String file : args)
            perRecord(file.replaceAll(".*/", "").replace("-catalog-original-input.rdf", ""), RDFDataMgr.loadGraph(file));
    }
}
