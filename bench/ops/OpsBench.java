import de.hanse.core.config.ConfigLoader;
import de.hanse.node.HanseNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * What one node handles: harvests N generated DCAT-AP datasets from a local file through the real pipeline into an
 * on-disk TDB2, then drives closed-loop GET load on loopback (C clients for D seconds each) and prints requests/s
 * and latency percentiles per endpoint, TDB2 size and heap. Because wall-clock figures depend on what else runs on
 * the machine, it also prints the CPU time the server's request threads (Jetty {@code qtp*}) spent per request:
 * 1000 / (CPU ms per request) is what one fully used core serves.
 *
 *   mvn -B -q -DskipTests -pl node -am package
 *   java -Xmx1g -cp node/target/hanse.jar bench/ops/OpsBench.java [datasets=10000] [seconds=10] [clients=8]
 */
public class OpsBench {
    public static void main(String[] args) throws Exception {
        int datasets = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        Path dir = Files.createTempDirectory("hanse-opsbench");
        Path ttl = dir.resolve("catalogue.ttl");
        writeCatalogue(ttl, datasets);
        String yaml = """
                name: bench
                port: 0
                dataDir: %s
                auth: {enabled: false}
                harvest:
                  sources:
                    - {name: bench, type: dcat, url: %s, maxShrink: 1.0}
                """.formatted(dir.resolve("tdb2"), ttl);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try (HanseNode node = HanseNode.start(new ConfigLoader().parse(yaml, Map.of(), "bench"))) {
            URI base = node.baseUri();
            long t0 = System.nanoTime();
            HttpResponse<String> run = http.send(HttpRequest.newBuilder(base.resolve("api/harvest/sources/bench/runs"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            URI report = base.resolve(run.headers().firstValue("Location").orElseThrow());
            String status;
            do {
                Thread.sleep(250);
                status = http.send(HttpRequest.newBuilder(report).build(), HttpResponse.BodyHandlers.ofString()).body();
            } while (status.contains("RUNNING") && System.nanoTime() - t0 < Duration.ofMinutes(20).toNanos());
            double harvestS = (System.nanoTime() - t0) / 1e9;
            System.out.printf("harvest: %d datasets in %.1f s = %.0f datasets/s (file source, validation on)%n", datasets, harvestS, datasets / harvestS);
            System.out.println("harvest report: " + status.substring(0, Math.min(400, status.length())));
            System.out.printf("data dir (TDB2 + search index): %.1f MiB allocated on disk, %.1f MiB apparent (sparse, memory-mapped files)%n",
                    allocatedKiB(dir.resolve("tdb2")) / 1024.0, size(dir.resolve("tdb2")) / 1048576.0);

            String sparql = "sparql?query=" + java.net.URLEncoder.encode(
                    "PREFIX dcat: <http://www.w3.org/ns/dcat#> SELECT (COUNT(?d) AS ?n) WHERE { ?d a dcat:Dataset ; dcat:keyword \"verkehr\" }",
                    java.nio.charset.StandardCharsets.UTF_8);
            String[][] scenarios = {
                    {"GET /health/live", "health/live", "application/json"},
                    {"GET /catalogue (page of 100, Turtle)", "catalogue?page=3&pageSize=100", "text/turtle"},
                    {"GET /sparql (COUNT by keyword)", sparql, "application/sparql-results+json"},
                    {"GET /metrics", "metrics", "text/plain"}};
            for (String[] s : scenarios) load(http, base.resolve(s[1]), s[2], s[0], clients, seconds);
            String metrics = http.send(HttpRequest.newBuilder(base.resolve("metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
            double heap = metrics.lines().filter(l -> l.startsWith("jvm_memory_used_bytes{area=\"heap\""))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
            System.out.printf("heap used after the runs: %.0f MiB (max %d MiB)%n", heap / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576);
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Disk blocks in use ({@code du -sk}); TDB2's files are sparse, so their length overstates the size. */
    static long allocatedKiB(Path dir) throws Exception {
        Process du = new ProcessBuilder("du", "-sk", dir.toString()).redirectErrorStream(true).start();
        String out = new String(du.getInputStream().readAllBytes()).trim();
        du.waitFor();
        return Long.parseLong(out.split("\\s+")[0]);
    }

    static void load(HttpClient http, URI uri, String accept, String label, int clients, int seconds) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(uri).header("Accept", accept).timeout(Duration.ofSeconds(30)).build();
        for (int i = 0; i < 20; i++) http.send(req, HttpResponse.BodyHandlers.discarding()); // warm-up
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        AtomicLong errors = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> parts = new ArrayList<>();
        long cpuBefore = serverCpuNanos();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            parts.add(pool.submit(() -> {
                long[] lat = new long[1 << 20];
                int n = 0;
                while (System.nanoTime() < end && n < lat.length) {
                    long t = System.nanoTime();
                    HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
                    if (r.statusCode() != 200) errors.incrementAndGet();
                    lat[n++] = System.nanoTime() - t;
                }
                return Arrays.copyOf(lat, n);
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<long[]> f : parts) for (long l : f.get()) all.add(l);
        double took = (System.nanoTime() - start) / 1e9;
        double cpuMs = (serverCpuNanos() - cpuBefore) / 1e6 / Math.max(1, all.size());
        pool.shutdown();
        long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("%-38s %6.0f req/s  p50 %6.1f ms  p99 %6.1f ms  server CPU %6.2f ms/req = %6.0f req/s per core  (%d req, %d errors, %d clients)%n",
                label, sorted.length / took, pct(sorted, 0.50), pct(sorted, 0.99), cpuMs, 1000 / cpuMs, sorted.length, errors.get(), clients);
    }

    /** CPU time of the server's request threads (Jetty's pool is named qtp...). */
    static long serverCpuNanos() {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (java.lang.management.ThreadInfo t : mx.getThreadInfo(mx.getAllThreadIds()))
            if (t != null && t.getThreadName().startsWith("qtp")) sum += Math.max(0, mx.getThreadCpuTime(t.getThreadId()));
        return sum;
    }

    static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (p * sorted.length))] / 1e6;
    }

    static long size(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    /** N DCAT-AP datasets with a distribution each, keywords drawn from a small set (as in city portals). */
    static void writeCatalogue(Path file, int n) throws Exception {
        String[] keywords = {"verkehr", "umwelt", "bildung", "haushalt", "wahlen", "parken", "luft", "wasser", "geodaten", "kultur"};
        StringBuilder sb = new StringBuilder("""
                @prefix dcat: <http://www.w3.org/ns/dcat#> .
                @prefix dct: <http://purl.org/dc/terms/> .
                @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
                @prefix foaf: <http://xmlns.com/foaf/0.1/> .
                <https://bench.example/catalog> a dcat:Catalog ; dct:title "Bench"@de ;
                """);
        for (int i = 0; i < n; i++) sb.append("  dcat:dataset <https://bench.example/dataset/").append(i).append("> ;\n");
        sb.append("  dct:publisher <https://bench.example/org> .\n<https://bench.example/org> a foaf:Agent ; foaf:name \"Stadt Bench\" .\n");
        for (int i = 0; i < n; i++) {
            String d = "<https://bench.example/dataset/" + i + ">";
            sb.append(d).append(" a dcat:Dataset ;\n")
              .append("  dct:identifier \"ds-").append(i).append("\" ;\n")
              .append("  dct:title \"Datensatz ").append(i).append(" ").append(keywords[i % 10]).append("\"@de ;\n")
              .append("  dct:description \"Beschreibung des Datensatzes ").append(i).append(" zu ").append(keywords[i % 10]).append(" in der Stadt.\"@de ;\n")
              .append("  dcat:keyword \"").append(keywords[i % 10]).append("\", \"").append(keywords[(i / 10) % 10]).append("\" ;\n")
              .append("  dct:publisher <https://bench.example/org> ;\n")
              .append("  dct:modified \"2026-0").append(1 + i % 9).append("-1").append(i % 10).append("T10:00:00Z\"^^xsd:dateTime ;\n")
              .append("  dct:license <http://dcat-ap.de/def/licenses/dl-by-de/2.0> ;\n")
              .append("  dcat:distribution <https://bench.example/dataset/").append(i).append("/csv> .\n")
              .append("<https://bench.example/dataset/").append(i).append("/csv> a dcat:Distribution ;\n")
              .append("  dcat:accessURL <https://bench.example/files/").append(i).append(".csv> ;\n")
              .append("  dct:format <http://publications.europa.eu/resource/authority/file-type/CSV> ;\n")
              .append("  dct:license <http://dcat-ap.de/def/licenses/dl-by-de/2.0> .\n");
        }
        Files.writeString(file, sb);
    }
}
