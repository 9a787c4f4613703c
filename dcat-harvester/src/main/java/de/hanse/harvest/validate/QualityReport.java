package de.hanse.harvest.validate;

import de.hanse.core.vocab.Hanse;
import de.hanse.core.vocab.Vocab;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.path.P_Link;

/**
 * Writes a record's quality report as RDF. The report node is a {@code dqv:QualityMetadata} and a
 * {@code sh:ValidationReport} with {@code foaf:primaryTopic} (the dataset), {@code sh:conforms} and
 * {@code hanse:score} (the overall score, 0..100); one DQV measurement {@code <report>/<dimension>} per MQA
 * dimension ({@code dqv:computedOn} the dataset, {@code dqv:isMeasurementOf hanse:<dimension>}, {@code dqv:value}
 * 0..100 of the dimension's maximum); and at most {@value #MAX_RESULTS} SHACL results ({@code sh:result}). The
 * violation and warning counts are kept once, in the record's provenance ({@code hanse:violations},
 * {@code hanse:warnings} in {@code urn:hanse:meta}); what the report leaves out is what can be derived (the
 * measurement's type from {@code dqv:isMeasurementOf}, its report from its graph and IRI, the shapes from
 * {@link #SHAPES}): every quad costs one insert per TDB2 quad index (four or six). Deterministic for the same input (no timestamps),
 * so reports do not churn. Stateless.
 */
final class QualityReport {
    static final int MAX_RESULTS = 50;
    static final String DQV = "http://www.w3.org/ns/dqv#";
    static final String SH = "http://www.w3.org/ns/shacl#";
    /** The shapes every report is made with (not stored per record; the REST view names them). */
    static final String SHAPES = "DCAT-AP 3.0.0 + DCAT-AP.de 3.0";

    private static final Node DQV_QualityMetadata = u(DQV, "QualityMetadata");
    private static final Node DQV_computedOn = u(DQV, "computedOn");
    private static final Node DQV_isMeasurementOf = u(DQV, "isMeasurementOf");
    private static final Node DQV_value = u(DQV, "value");
    private static final Node SH_ValidationReport = u(SH, "ValidationReport");
    private static final Node SH_ValidationResult = u(SH, "ValidationResult");
    private static final Node SH_conforms = u(SH, "conforms");
    private static final Node SH_focusNode = u(SH, "focusNode");
    private static final Node SH_result = u(SH, "result");
    private static final Node SH_resultMessage = u(SH, "resultMessage");
    private static final Node SH_resultPath = u(SH, "resultPath");
    private static final Node SH_resultSeverity = u(SH, "resultSeverity");
    private static final Node SH_sourceConstraintComponent = u(SH, "sourceConstraintComponent");
    private static final Node SH_sourceShape = u(SH, "sourceShape");
    private static final Node SH_value = u(SH, "value");
    private static final Node SCORE = Hanse.p("score");

    private QualityReport() {}

    static Graph build(Node report, Node dataset, ValidationReport shacl, int violations, int warnings, QualityScore score) {
        Graph g = GraphFactory.createGraphMem();
        add(g, report, Vocab.RDF_TYPE, DQV_QualityMetadata);
        add(g, report, Vocab.RDF_TYPE, SH_ValidationReport);
        add(g, report, Vocab.FOAF_primaryTopic, dataset);
        add(g, report, SH_conforms, lit(Boolean.toString(violations == 0), XSDDatatype.XSDboolean));
        add(g, report, SCORE, integer(score.overall()));
        int[] points = score.points();
        for (int i = 0; i < points.length; i++)
            measurement(g, report, dataset, QualityScore.DIMENSIONS.get(i), Math.round(100f * points[i] / QualityScore.DIMENSION_MAX[i]));
        int n = 0;
        for (ReportEntry e : shacl.getEntries()) {
            if (n++ >= MAX_RESULTS) break;
            result(g, report, e);
        }
        return g;
    }

    /** The metric IRI of a dimension or count, e.g. {@code hanse:findability}. */
    static Node metric(String name) {
        return Hanse.p(name);
    }

    private static void measurement(Graph g, Node report, Node dataset, String metric, int value) {
        Node m = report.isURI() ? NodeFactory.createURI(report.getURI() + "/" + metric) : NodeFactory.createBlankNode();
        add(g, m, DQV_computedOn, dataset);
        add(g, m, DQV_isMeasurementOf, metric(metric));
        add(g, m, DQV_value, integer(value));
    }

    private static void result(Graph g, Node report, ReportEntry e) {
        Node r = NodeFactory.createBlankNode();
        add(g, report, SH_result, r);
        add(g, r, Vocab.RDF_TYPE, SH_ValidationResult);
        add(g, r, SH_focusNode, e.focusNode());
        if (e.resultPath() instanceof P_Link link) add(g, r, SH_resultPath, link.getNode());
        else if (e.resultPath() != null) add(g, r, SH_resultPath, NodeFactory.createLiteralString(e.resultPath().toString()));
        add(g, r, SH_resultSeverity, e.severity().level());
        if (e.message() != null) add(g, r, SH_resultMessage, NodeFactory.createLiteralString(e.message()));
        add(g, r, SH_sourceConstraintComponent, e.sourceConstraintComponent());
        if (e.source() != null && e.source().isURI()) add(g, r, SH_sourceShape, e.source());
        add(g, r, SH_value, e.value());
    }

    private static void add(Graph g, Node s, Node p, Node o) {
        if (s != null && o != null) g.add(Triple.create(s, p, o));
    }

    private static Node integer(int v) {
        return lit(Integer.toString(v), XSDDatatype.XSDinteger);
    }

    private static Node lit(String lexical, XSDDatatype dt) {
        return NodeFactory.createLiteralDT(lexical, dt);
    }

    private static Node u(String ns, String local) {
        return NodeFactory.createURI(ns + local);
    }
}
