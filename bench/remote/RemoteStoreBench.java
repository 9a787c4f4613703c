import de.hanse.core.config.HarvestConfig;
import de.hanse.core.config.HarvestSourceConfig;
import de.hanse.core.config.NodeConfig;
import de.hanse.core.config.StoreConfig;
import de.hanse.harvest.HarvestModule;
import de.hanse.harvest.HarvestReport;
import de.hanse.node.HanseNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;

/**
 * What a remote store costs a harvest: the same generated catalogue of N DCAT-AP datasets (a file source, SHACL
 * validation off so that the store's share shows) harvested by a node with its own in-memory TDB2 (the baseline)
 * and by the writer of a remote store (Fuseki on loopback over an in-memory TDB2, in this JVM), first in full, then
 * again with 1 % of the datasets changed. Also how long after the writer's run started a read replica
 * (syncInterval 1 s) shows it. Fuseki runs in this JVM, so the process CPU time over a harvest counts the store's
 * work too; one unmeasured harvest warms the JVM up first, and every node's search index is idle before each
 * measured harvest.
 *
 *   mvn -B -q -DskipTests -pl node -am package
 *   java -Xmx3g -cp node/target/hanse.jar bench/remote/RemoteStoreBench.java [datasets=5000]
 */
public class RemoteStoreBench {
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        Path dir = Files.createTempDirectory("hanse-remotebench");
        Path ttl = dir.resolve("catalogue.ttl");
        HarvestSourceConfig source = new HarvestSourceConfig("bench", "dcat", ttl.toString(), null, null, null, null, null, 1.0, null, false);
        NodeConfig base = NodeConfig.inMemory("bench").withHarvest(new HarvestConfig(List.of(source)));
        DatasetGraph shared = DatabaseMgr.createDatasetGraph();
        FusekiServer fuseki = FusekiServer.create().port(0).loopback(true).add("/hanse", shared).build().start();
        String url = "http://127.0.0.1:" + fuseki.getHttpPort() + "/hanse";
        Duration timeout = Duration.ofMinutes(5), every = Duration.ofSeconds(1);
        try (HanseNode tdb = HanseNode.start(base);
             HanseNode writer = HanseNode.start(base.withStore(new StoreConfig("remote", url, null, null, timeout, every, true, null)));
             HanseNode reader = HanseNode.start(base.withStore(new StoreConfig("remote", url, null, null, timeout, every, false, null)))) {
            write(ttl, n, 0);
            try (HanseNode warmUp = HanseNode.start(base.withPort(0))) {
                harvest(warmUp, source); // JIT and class loading, so that neither measured side pays for them
                idle(warmUp);
            }
            for (String stand : new String[] {"full", "1% changed"}) {
                boolean full = stand.equals("full");
                write(ttl, n, full ? 0 : Math.max(1, n / 100));
                idle(tdb, writer, reader);
                long cpu0 = cpu();
                double own = harvest(tdb, source);
                double ownCpu = (cpu() - cpu0) / 1e9;
                idle(tdb, writer, reader);
                long start = System.nanoTime(), cpu1 = cpu();
                double remote = harvest(writer, source);
                double remoteCpu = (cpu() - cpu1) / 1e9;
                String marker = full ? "Datensatz " + (n - 1) + " " : "geändert";
                while (!visible(reader, marker) && System.nanoTime() - start < Duration.ofMinutes(10).toNanos()) Thread.sleep(100);
                double seen = (System.nanoTime() - start) / 1e9;
                System.out.printf("%-10s %6d datasets: own TDB2 %.2f s wall / %.2f s CPU, remote-store writer (with Fuseki's work) %.2f s wall / %.2f s CPU "
                        + "(ratio %.2f wall, %.2f CPU); the read replica shows it %.2f s after the writer's run started%n",
                        stand, n, own, ownCpu, remote, remoteCpu, remote / own, remoteCpu / ownCpu, seen);
            }
        } finally {
            fuseki.stop();
            try (var s = Files.walk(dir)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** CPU time of this whole process (nodes, Fuseki, background threads). */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Waits until no node is still indexing a previous run, so that a measurement holds one harvest's work only. */
    private static void idle(HanseNode... nodes) throws InterruptedException {
        for (HanseNode node : nodes) node.module(de.hanse.catalogue.search.SearchModule.class).service().awaitIdle(Duration.ofMinutes(5));
    }

    private static double harvest(HanseNode node, HarvestSourceConfig source) {
        long t = System.nanoTime();
        HarvestReport r = node.module(HarvestModule.class).service().run(source, false, null);
        if (!r.succeeded()) throw new IllegalStateException(r.summary());
        return (System.nanoTime() - t) / 1e9;
    }

    /** Whether the node's store holds a title containing {@code marker}. */
    private static boolean visible(HanseNode node, String marker) {
        return node.context().store().read(dsg -> {
            var it = dsg.find(Node.ANY, Node.ANY, de.hanse.core.vocab.Vocab.DCT_title, Node.ANY);
            while (it.hasNext()) if (it.next().getObject().getLiteralLexicalForm().contains(marker)) return true;
            return false;
        });
    }

    /** N datasets of ~16 triples each with their distribution; the first {@code changed} have a changed title. */
    private static void write(Path file, int n, int changed) throws java.io.IOException {
        StringBuilder sb = new StringBuilder("""
                @prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix dct: <http://purl.org/dc/terms/> .
                @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
                """);
        for (int i = 0; i < n; i++) {
            String d = "https://daten.example.org/dataset/" + i;
            sb.append('<').append(d).append("> a dcat:Dataset ; dct:title \"Datensatz ").append(i).append(i < changed ? " geändert" : " ")
                    .append("\"@de ; dct:description \"Beschreibung des Datensatzes ").append(i).append(" mit Text\"@de ; dct:identifier \"")
                    .append(i).append("\" ; dcat:keyword \"verkehr\", \"umwelt\", \"k").append(i % 50)
                    .append("\" ; dct:modified \"2024-01-01\"^^xsd:date ; dct:publisher <https://daten.example.org/org/").append(i % 20)
                    .append("> ; dcat:distribution <").append(d).append("/csv> .\n<").append(d)
                    .append("/csv> a dcat:Distribution ; dcat:accessURL <").append(d).append("/data.csv> ; dct:format \"CSV\" ; dct:title \"CSV\"@de .\n");
        }
        Files.writeString(file, sb);
    }
}
