package de.hanse.node.cli;

import de.hanse.core.http.CallContext;
import de.hanse.core.http.OutboundHttp;
import de.hanse.harvest.HarvestException;
import de.hanse.harvest.Validators;
import de.hanse.harvest.fetch.Fetched;
import de.hanse.harvest.fetch.Fetcher;
import de.hanse.harvest.fetch.RdfPageParser;
import de.hanse.harvest.pipeline.RecordExtractor;
import de.hanse.harvest.validate.RecordValidator;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Parse a DCAT-AP document (file or URL) and report what is wrong: syntax errors, datasets",
                "without identity or too large, and DCAT-AP 3.0.0 + DCAT-AP.de 3.0 shape violations.",
                "Exits 1 when the document is invalid."})
final class ValidateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE|URL")
    String location;

    @Option(names = "--max-bytes", defaultValue = "268435456", description = "largest document to read (default ${DEFAULT-VALUE})")
    long maxBytes;

    @Option(names = "--show", defaultValue = "20", description = "problems to list per dataset (default ${DEFAULT-VALUE})")
    int show;

    @Override
    public Integer call() {
        try (OutboundHttp http = new OutboundHttp(2)) {
            Fetcher fetcher = new Fetcher(http, maxBytes, Duration.ofMinutes(2));
            Graph g;
            try {
                Fetched f = fetcher.get(location, RdfPageParser.ACCEPT, null, CallContext.forUrl(Duration.ofMinutes(5)));
                g = RdfPageParser.parse(f);
            } catch (HarvestException e) {
                System.out.println("INVALID " + location + ": " + e.getMessage());
                return HanseCli.FAILED;
            }
            List<RecordExtractor.Extracted> records = new RecordExtractor(20_000).extract(g);
            if (records.isEmpty()) {
                System.out.println("INVALID " + location + ": no dcat:Dataset found (" + g.size() + " triples)");
                return HanseCli.FAILED;
            }
            RecordValidator validator = Validators.standard();
            int bad = 0, violations = 0, warnings = 0;
            for (RecordExtractor.Extracted x : records) {
                if (x.rejected()) {
                    bad++;
                    System.out.println("  " + x.rejectedId() + ": " + x.reason());
                    continue;
                }
                var result = validator.validate(x.record().graph(), x.record().dataset(), NodeFactory.createURI("urn:hanse:validate:report"));
                violations += result.violations();
                warnings += result.warnings();
                if (!result.conforms()) {
                    bad++;
                    System.out.println("  " + x.record().dataset().getURI() + ": " + result.violations() + " violations");
                    result.firstProblems().stream().limit(show).forEach(p -> System.out.println("    - " + p));
                }
            }
            System.out.printf("%s %s: %d datasets, %d with problems, %d violations, %d warnings, %d triples%n",
                    bad == 0 ? "VALID" : "INVALID", location, records.size(), bad, violations, warnings, g.size());
            return bad == 0 ? 0 : HanseCli.FAILED;
        }
    }
}
