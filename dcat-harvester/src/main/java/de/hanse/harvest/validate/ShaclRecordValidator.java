package de.hanse.harvest.validate;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;

/**
 * Validates a record with the DCAT-AP 3.0.0 + DCAT-AP.de 3.0 SHACL shapes bundled under {@code shapes/}, after
 * merging the controlled-vocabulary typings the record uses ({@link VocabTypings}) so {@code sh:class} and
 * {@code skos:inScheme} checks on licences, languages, formats and themes do not report false positives. The
 * result carries the violation and warning counts and a quality report ({@link QualityReport}): DQV measurements
 * per MQA dimension, an overall score 0..100 and the first SHACL results.
 *
 * <p>Thread-safe: the shapes are parsed once per JVM and shared; each call builds its own data graph.
 * Usage: {@code RecordValidator v = new ShaclRecordValidator(); v.validate(recordGraph, datasetNode, reportNode)}.
 */
public final class ShaclRecordValidator implements RecordValidator {
    private static final int FIRST_PROBLEMS = 5;

    private final Shapes shapes;
    private final VocabTypings typings;

    /** DCAT-AP 3.0.0 + DCAT-AP.de 3.0 with the bundled vocabulary typings. */
    public ShaclRecordValidator() {
        this(ShapesBundle.dcatApDe(), VocabTypings.bundled());
    }

    ShaclRecordValidator(Shapes shapes, VocabTypings typings) {
        this.shapes = shapes;
        this.typings = typings;
    }

    @Override
    public ValidationResult validate(Graph record, Node dataset, Node report) {
        ValidationReport shacl = ShaclValidator.get().validate(shapes, typings.dataGraph(record));
        int violations = 0;
        int warnings = 0;
        List<String> first = new ArrayList<>();
        for (ReportEntry e : shacl.getEntries()) {
            if (e.severity() == Severity.Violation) {
                violations++;
                if (first.size() < FIRST_PROBLEMS) first.add(describe(e));
            } else if (e.severity() == Severity.Warning) {
                warnings++;
            }
        }
        QualityScore score = QualityScore.of(record, dataset, violations == 0);
        Graph reportGraph = QualityReport.build(report, dataset, shacl, violations, warnings, score);
        return new ValidationResult(violations == 0, violations, warnings, reportGraph, List.copyOf(first));
    }

    private static String describe(ReportEntry e) {
        String path = e.resultPath() == null ? "" : " " + e.resultPath();
        String msg = e.message() == null ? e.sourceConstraintComponent().getLocalName() : e.message();
        return e.focusNode() + path + ": " + msg;
    }
}
