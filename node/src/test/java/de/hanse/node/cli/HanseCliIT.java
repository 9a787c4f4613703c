package de.hanse.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user runs it: one-off harvest into a TDB2 directory, query, validate, exit codes. */
class HanseCliIT {
    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {}

    private static synchronized Run run(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = HanseCli.run(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private Path fixture(String name) throws Exception {
        Path p = tmp.resolve(name);
        try (var in = getClass().getResourceAsStream("/demo/catalogues/" + name)) {
            Files.copy(in, p);
        }
        return p;
    }

    @Test
    void harvestIntoDirectoryThenQuery() throws Exception {
        Path bremen = fixture("bremen-catalog-original-input.rdf");
        Path data = tmp.resolve("data");
        Run h = run("harvest", bremen.toString(), "--data", data.toString());
        assertThat(h.code()).as(h.out() + h.err()).isZero();
        assertThat(h.out()).contains("bremen-catalog-original-input: SUCCEEDED").contains("added 153");

        Run q = run("query", "--data", data.toString(), "--format", "csv",
                "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a <http://www.w3.org/ns/dcat#Dataset> }");
        assertThat(q.code()).as(q.err()).isZero();
        assertThat(q.out()).contains("n").contains("153");

        Run again = run("harvest", bremen.toString(), "--data", data.toString());
        assertThat(again.out()).contains("unchanged 153");
    }

    @Test
    void exitCodesTellWhatWentWrong() throws Exception {
        Path broken = tmp.resolve("broken.ttl");
        Files.writeString(broken, "Stand: 22.02.2024\n@prefix dcat: <http://www.w3.org/ns/dcat#> .\n");
        Run v = run("validate", broken.toString());
        assertThat(v.code()).isEqualTo(1);
        assertThat(v.out()).contains("INVALID " + broken).contains("cannot parse");

        Run failedHarvest = run("harvest", broken.toString(), "--data", tmp.resolve("d").toString());
        assertThat(failedHarvest.code()).isEqualTo(1);
        assertThat(failedHarvest.out()).contains("FAILED");

        Path cfg = tmp.resolve("bad.yaml");
        Files.writeString(cfg, "name: x\nprot: 8080\n");
        Run badConfig = run("serve", "--config", cfg.toString());
        assertThat(badConfig.code()).isEqualTo(3);
        assertThat(badConfig.err()).contains("prot").contains(cfg.toString());

        Run badQuery = run("query", "--data", tmp.toString(), "SELEKT");
        assertThat(badQuery.code()).isEqualTo(2);
        assertThat(run("bogus-command").code()).isEqualTo(2);
        assertThat(run("--help").out()).contains("Exit codes").contains("harvest").contains("demo");
    }

    @Test
    void validateReportsADocumentWithDatasets() throws Exception {
        Run v = run("validate", fixture("rostock-catalog-original-input.rdf").toString());
        assertThat(v.out()).contains("100 datasets");
    }
}
