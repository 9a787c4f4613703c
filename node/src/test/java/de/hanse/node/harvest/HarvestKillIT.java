package de.hanse.node.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A harvest killed with {@code kill -9} in the middle of a run: {@code hanse harvest URL --data DIR} runs in a child
 * JVM against a slow loopback source and is killed (destroyForcibly) after it has read and written several pages.
 * The TDB2 directory then holds exactly the state of the previous run, and the next run completes normally.
 */
class HarvestKillIT {
    private static final int PAGES = 10;
    private static final int PER_PAGE = 30;
    private LoopbackSource source;

    @TempDir
    Path tmp;

    @AfterEach
    void close() {
        if (source != null) source.close();
    }

    @Test
    void killedHarvestLeavesThePreviousStateOfTheSource() throws Exception {
        source = new LoopbackSource();
        publish("Stand A");
        Path data = tmp.resolve("tdb2");
        Process first = harvest(data, tmp.resolve("run1.log"));
        assertThat(first.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).as(Files.readString(tmp.resolve("run1.log"))).isZero();
        List<String> before = snapshot(data);
        assertThat(before).anyMatch(q -> q.contains("Stand A"));

        publish("Stand B");
        source.delay(700);
        int servedBefore = source.served();
        Process killed = harvest(data, tmp.resolve("run2.log"));
        Awaitility.await().atMost(java.time.Duration.ofSeconds(240)).until(() -> source.served() - servedBefore >= 4 || !killed.isAlive());
        assertThat(killed.isAlive()).as("the run must still be going when it is killed").isTrue();
        killed.destroyForcibly();
        assertThat(killed.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(snapshot(data)).as("exactly the previous state, no half-written records").isEqualTo(before);

        source.delay(0);
        Process third = harvest(data, tmp.resolve("run3.log"));
        assertThat(third.waitFor(300, TimeUnit.SECONDS)).isTrue();
        String log = Files.readString(tmp.resolve("run3.log"));
        assertThat(third.exitValue()).as(log).isZero();
        assertThat(log).contains("updated " + (PAGES * PER_PAGE - 5));
        List<String> after = snapshot(data);
        assertThat(after).anyMatch(q -> q.contains("Stand B")).noneMatch(q -> q.contains("Stand A"));
    }

    /** Ten Hydra pages; in "Stand B" every title changes and the last five datasets are gone. */
    private void publish(String stand) {
        int total = stand.endsWith("A") ? PAGES * PER_PAGE : PAGES * PER_PAGE - 5;
        for (int p = 1; p <= PAGES; p++) {
            String next = p < PAGES ? "<" + source.url("/p" + (p + 1) + ".ttl") + ">" : null;
            String body = IntStream.range((p - 1) * PER_PAGE, Math.min(total, p * PER_PAGE))
                    .mapToObj(i -> LoopbackSource.dataset("https://daten.example.org/dataset/" + i, "Datensatz " + i + " " + stand, "2024-01-01"))
                    .collect(Collectors.joining());
            source.page("/p" + p + ".ttl", LoopbackSource.PREFIXES + body + "<" + source.url("/p" + p + ".ttl")
                    + "> a hydra:PartialCollectionView" + (next != null ? " ; hydra:next " + next : "") + " .\n");
        }
    }

    private Process harvest(Path data, Path log) throws java.io.IOException {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx512m", "-cp", cp, "de.hanse.node.cli.HanseCli", "harvest", source.url("/p1.ttl"),
                "--data", data.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Every quad in the TDB2 directory as N-Quads-like text, sorted; releases the directory afterwards. */
    private static List<String> snapshot(Path dir) {
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(dir.toString());
        try {
            return org.apache.jena.system.Txn.calculateRead(dsg, () -> {
                List<String> all = new ArrayList<>();
                dsg.find().forEachRemaining(q -> all.add(quad(q)));
                all.sort(null);
                return all;
            });
        } finally {
            TDBInternal.expel(dsg);
        }
    }

    private static String quad(Quad q) {
        return q.getGraph() + " " + q.getSubject() + " " + q.getPredicate() + " " + q.getObject();
    }
}
