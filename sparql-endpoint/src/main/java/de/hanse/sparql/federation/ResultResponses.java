package de.hanse.sparql.federation;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.hanse.core.http.Problem;
import de.hanse.core.http.ProblemException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.riot.rowset.RowSetWriterRegistry;
import org.apache.jena.sparql.exec.RowSetStream;

/**
 * Turns a {@link FederatedResult} into an HTTP response: SPARQL results as JSON, XML, CSV or TSV and graphs as
 * Turtle, JSON-LD, N-Triples or RDF/XML, chosen from {@code Accept} (406 problem when nothing fits); or the explain
 * view as JSON. Missing peers of a partial answer are listed in {@code Hanse-Warning} and a {@code Warning} header.
 */
final class ResultResponses {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Lang> RESULTS = new LinkedHashMap<>();
    private static final Map<String, Lang> GRAPHS = new LinkedHashMap<>();

    static {
        RESULTS.put("application/sparql-results+json", ResultSetLang.RS_JSON);
        RESULTS.put("application/json", ResultSetLang.RS_JSON);
        RESULTS.put("application/sparql-results+xml", ResultSetLang.RS_XML);
        RESULTS.put("application/xml", ResultSetLang.RS_XML);
        RESULTS.put("text/csv", ResultSetLang.RS_CSV);
        RESULTS.put("text/tab-separated-values", ResultSetLang.RS_TSV);
        GRAPHS.put("text/turtle", Lang.TURTLE);
        GRAPHS.put("application/ld+json", Lang.JSONLD);
        GRAPHS.put("application/n-triples", Lang.NTRIPLES);
        GRAPHS.put("application/rdf+xml", Lang.RDFXML);
    }

    private ResultResponses() {}

    static Response of(FederatedResult r, String accept, boolean explain) {
        Response.ResponseBuilder b;
        if (explain) b = Response.ok(explainJson(r), "application/json");
        else if (r.graph() != null) {
            Map.Entry<String, Lang> f = negotiate(accept, GRAPHS);
            b = Response.ok((StreamingOutput) out -> RDFDataMgr.write(out, r.graph(), f.getValue()), f.getKey() + charset(f.getKey()));
        } else {
            Map.Entry<String, Lang> f = negotiate(accept, RESULTS);
            StreamingOutput body = out -> {
                var writer = RowSetWriterRegistry.getFactory(f.getValue()).create(f.getValue());
                if (r.ask() != null) writer.write(out, r.ask(), null);
                else writer.write(out, RowSetStream.create(r.vars(), r.rows().iterator()), null);
            };
            b = Response.ok(body, f.getKey() + charset(f.getKey()));
        }
        b.header("Hanse-Federation-Requests", r.run().totalRequests());
        if (!r.run().missingPeers().isEmpty()) {
            String peers = String.join(", ", r.run().missingPeers());
            b.header("Hanse-Warning", "partial result; missing peers: " + peers);
            b.header("Warning", "199 hanse \"partial result; missing peers: " + peers + "\"");
        }
        if (r.truncated()) b.header("Hanse-Result-Truncated", "true");
        return b.build();
    }

    private static String charset(String type) {
        return type.startsWith("text/") || type.endsWith("json") ? "; charset=utf-8" : "";
    }

    /** The first acceptable format by q-value then order; the first offered for a missing or wildcard Accept. */
    static Map.Entry<String, Lang> negotiate(String accept, Map<String, Lang> offered) {
        if (accept == null || accept.isBlank()) return offered.entrySet().iterator().next();
        List<String[]> ranges = new ArrayList<>();
        for (String part : accept.split(",")) {
            String[] bits = part.trim().split(";");
            double q = 1;
            for (int i = 1; i < bits.length; i++)
                if (bits[i].trim().startsWith("q=")) {
                    try {
                        q = Double.parseDouble(bits[i].trim().substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            if (q > 0) ranges.add(new String[] {bits[0].trim().toLowerCase(Locale.ROOT), Double.toString(q)});
        }
        ranges.sort((a, c) -> Double.compare(Double.parseDouble(c[1]), Double.parseDouble(a[1])));
        for (String[] range : ranges) {
            String type = range[0];
            if (type.equals("*/*") || type.equals("text/*") && offered.keySet().stream().anyMatch(t -> t.startsWith("text/")))
                return type.equals("*/*") ? offered.entrySet().iterator().next()
                        : offered.entrySet().stream().filter(e -> e.getKey().startsWith("text/")).findFirst().orElseThrow();
            if (offered.containsKey(type)) return Map.entry(type, offered.get(type));
        }
        throw new ProblemException(Problem.of(406, "not-acceptable", "Not acceptable",
                "no offered format matches Accept: " + accept + "; offered: " + String.join(", ", offered.keySet())));
    }

    private static byte[] explainJson(FederatedResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("query", r.query().toString());
        m.put("algebra", r.algebra());
        m.put("plan", r.run().trace().events());
        m.put("requests", r.run().requestCounts());
        m.put("totalRequests", r.run().totalRequests());
        m.put("missingPeers", r.run().missingPeers());
        m.put("resultRows", r.graph() != null ? r.graph().size() : r.ask() != null ? 1 : r.rows().size());
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(m);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
