package de.hanse.catalogue.search.extract;

import de.hanse.catalogue.search.extract.CatalogueRecords.RecordRef;
import de.hanse.core.vocab.Hanse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * Reads the quality report of each record: the flags the harvester keeps in the provenance graph
 * ({@code hanse:conforms}, {@code hanse:violations}, {@code hanse:warnings}) and, from the report graph named by
 * {@code dqv:hasQualityMetadata}, the overall score ({@code hanse:score}, 0..100), the SHACL validation results (at most {@value #MAX_RESULTS} per record) and DQV
 * measurements (one per MQA dimension). Must run inside a read transaction. Stateless.
 */
final class QualityReports {
    static final int MAX_RESULTS = 50;
    /** The shapes the harvester's quality reports are made with (see {@code validate.QualityReport}). */
    static final String SHAPES = "DCAT-AP 3.0.0 + DCAT-AP.de 3.0";
    private static final String SH = "http://www.w3.org/ns/shacl#";
    private static final String DQV = "http://www.w3.org/ns/dqv#";
    private static final Node HAS_QUALITY = NodeFactory.createURI(DQV + "hasQualityMetadata");
    private static final Node SH_RESULT = NodeFactory.createURI(SH + "result");
    private static final Node DQV_MEASUREMENT_OF = NodeFactory.createURI(DQV + "isMeasurementOf");
    private static final Node DQV_VALUE = NodeFactory.createURI(DQV + "value");

    private QualityReports() {}

    static List<Map<String, Object>> of(DatasetGraph dsg, List<RecordRef> records) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (RecordRef r : records) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("source", r.source());
            Node rec = r.record();
            DatasetDetails.putIfAny(m, "conforms", bool(CatalogueRecords.one(dsg, Hanse.META, rec, Hanse.p("conforms"))));
            DatasetDetails.putIfAny(m, "violations", integer(CatalogueRecords.one(dsg, Hanse.META, rec, Hanse.p("violations"))));
            DatasetDetails.putIfAny(m, "warnings", integer(CatalogueRecords.one(dsg, Hanse.META, rec, Hanse.p("warnings"))));
            Node qg = CatalogueRecords.one(dsg, Hanse.META, rec, HAS_QUALITY);
            if (qg != null && qg.isURI()) {
                var score = dsg.find(qg, Node.ANY, Hanse.p("score"), Node.ANY);
                if (score.hasNext()) {
                    var q = score.next();
                    DatasetDetails.putIfAny(m, "score", integer(q.getObject()));
                    // reports no longer store the constant hanse:shapes literal; older stores still have it
                    String shapes = CatalogueRecords.text(CatalogueRecords.one(dsg, qg, q.getSubject(), Hanse.p("shapes")));
                    DatasetDetails.putIfAny(m, "shapes", shapes != null ? shapes : SHAPES);
                }
                org.apache.jena.atlas.iterator.Iter.close(score);
                DatasetDetails.putIfAny(m, "results", shaclResults(dsg, qg));
                DatasetDetails.putIfAny(m, "measurements", measurements(dsg, qg));
            }
            out.add(m);
        }
        return out;
    }

    private static List<Map<String, Object>> shaclResults(DatasetGraph dsg, Node qg) {
        List<Map<String, Object>> out = new ArrayList<>();
        var it = dsg.find(qg, Node.ANY, SH_RESULT, Node.ANY);
        while (it.hasNext() && out.size() < MAX_RESULTS) {
            Node res = it.next().getObject();
            Map<String, Object> m = new LinkedHashMap<>();
            DatasetDetails.putIfAny(m, "severity", local(CatalogueRecords.one(dsg, qg, res, sh("resultSeverity"))));
            DatasetDetails.putIfAny(m, "focusNode", CatalogueRecords.text(CatalogueRecords.one(dsg, qg, res, sh("focusNode"))));
            DatasetDetails.putIfAny(m, "path", CatalogueRecords.text(CatalogueRecords.one(dsg, qg, res, sh("resultPath"))));
            DatasetDetails.putIfAny(m, "message", CatalogueRecords.text(CatalogueRecords.one(dsg, qg, res, sh("resultMessage"))));
            out.add(m);
        }
        org.apache.jena.atlas.iterator.Iter.close(it);
        return out;
    }

    private static List<Map<String, Object>> measurements(DatasetGraph dsg, Node qg) {
        List<Map<String, Object>> out = new ArrayList<>();
        dsg.find(qg, Node.ANY, DQV_MEASUREMENT_OF, Node.ANY).forEachRemaining(q -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("metric", CatalogueRecords.text(q.getObject()));
            DatasetDetails.putIfAny(m, "value", CatalogueRecords.text(CatalogueRecords.one(dsg, qg, q.getSubject(), DQV_VALUE)));
            out.add(m);
        });
        return out;
    }

    private static Node sh(String local) {
        return NodeFactory.createURI(SH + local);
    }

    private static String local(Node n) {
        return n == null ? null : n.isURI() ? n.getLocalName() : CatalogueRecords.text(n);
    }

    private static Boolean bool(Node n) {
        return n == null || !n.isLiteral() ? null : Boolean.valueOf(n.getLiteralLexicalForm().strip());
    }

    private static Long integer(Node n) {
        try {
            return n == null || !n.isLiteral() ? null : Long.valueOf(n.getLiteralLexicalForm().strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
