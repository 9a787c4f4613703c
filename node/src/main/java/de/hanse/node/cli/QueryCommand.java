package de.hanse.node.cli;

import de.hanse.core.store.NodeStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "query", mixinStandardHelpOptions = true,
        description = {"Run a SPARQL query over a node's TDB2 directory (the default graph is the union of all records).",
                "  hanse query --data ./data/mine 'SELECT (COUNT(*) AS ?n) WHERE { ?d a <http://www.w3.org/ns/dcat#Dataset> }'"})
final class QueryCommand implements Callable<Integer> {
    enum Format { table, csv, tsv, json }

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "TDB2 directory")
    Path data;

    @Option(names = "--format", defaultValue = "table", description = "result format: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
    Format format;

    @Parameters(paramLabel = "SPARQL", description = "the query")
    String sparql;

    @Override
    public Integer call() {
        if (!Files.isDirectory(data)) {
            System.err.println("error: no data directory " + data);
            return HanseCli.FAILED;
        }
        Query query;
        try {
            query = QueryFactory.create(sparql);
        } catch (QueryParseException e) {
            System.err.println("invalid SPARQL: " + e.getMessage());
            return HanseCli.USAGE;
        }
        try (NodeStore store = NodeStore.open(data)) {
            store.dataset().getContext().set(TDB2.symUnionDefaultGraph, true);
            Txn.executeRead(store.dataset(), () -> {
                try (QueryExecution qe = QueryExecution.dataset(store.dataset()).query(query).build()) {
                    if (query.isSelectType()) {
                        var rs = qe.execSelect();
                        switch (format) {
                            case csv -> ResultSetFormatter.outputAsCSV(System.out, rs);
                            case tsv -> ResultSetFormatter.outputAsTSV(System.out, rs);
                            case json -> ResultSetFormatter.outputAsJSON(System.out, rs);
                            default -> ResultSetFormatter.out(System.out, rs, query);
                        }
                    } else if (query.isAskType()) {
                        System.out.println(qe.execAsk());
                    } else {
                        var m = query.isConstructType() ? qe.execConstruct() : qe.execDescribe();
                        RDFDataMgr.write(System.out, m, format == Format.json ? Lang.JSONLD : Lang.TURTLE);
                    }
                }
            });
        }
        return 0;
    }
}
