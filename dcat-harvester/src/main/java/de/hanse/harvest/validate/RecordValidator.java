package de.hanse.harvest.validate;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;

/**
 * Validates one dataset record (the dataset, its distributions and the nodes they describe) and scores it.
 * Thread-safe; called once per new or changed record during a harvest.
 */
public interface RecordValidator {

    /**
     * @param record  the record's triples
     * @param dataset the record's {@code dcat:Dataset} node
     * @param report  the IRI under which the quality report is to be stored
     * @return the report: its triples are stored with the record; {@code conforms()} false flags the record
     */
    ValidationResult validate(Graph record, Node dataset, Node report);

    /** A validator that accepts everything and writes nothing (validation off). */
    RecordValidator NONE = (record, dataset, report) -> ValidationResult.CONFORMS;

    /**
     * @param conforms   no violation
     * @param violations number of violations
     * @param warnings   number of warnings
     * @param reportGraph triples of the quality report (DQV measurements and/or the SHACL report), may be empty
     * @param firstProblems a few human-readable problems for the run report
     */
    record ValidationResult(boolean conforms, int violations, int warnings, Graph reportGraph, java.util.List<String> firstProblems) {
        public static final ValidationResult CONFORMS = new ValidationResult(true, 0, 0, org.apache.jena.sparql.graph.GraphFactory.createGraphMem(), java.util.List.of());
    }
}
