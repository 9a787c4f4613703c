package de.hanse.bench.search;

import de.hanse.catalogue.search.SearchModule;
import de.hanse.catalogue.search.SearchService;
import de.hanse.core.config.NodeConfig;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Catalogue search benchmark: boots a real node (port 0), writes a synthetic harvested catalogue into its store,
 * times the index build, then measures {@code GET /api/datasets} over HTTP for {@link BenchQueries#QUERIES}: latency
 * percentiles from one client, then throughput with several concurrent clients.
 *
 * <p>By default the generated datasets are loaded into the node's index directly ({@link DocGenerator}); with
 * {@code -store} they are written into the node's TDB2 store first and the index is rebuilt from it, which also
 * measures extraction. Arguments: {@code -datasets N} (default 100,000), {@code -clients C} (4), {@code -rounds R} (25 measured rounds of
 * the 20 queries), {@code -seconds S} (20 s throughput run), {@code -disk DIR} (TDB2 and index on disk instead of in
 * memory).
 */
public final class SearchBench {
    private static final int CHUNK = 10_000;

    public static void main(String[] args) throws Exception {
        int datasets = intArg(args, "-datasets", 100_000);
        int clients = intArg(args, "-clients", 4);
        int rounds = intArg(args, "-rounds", 25);
        int seconds = intArg(args, "-seconds", 20);
        String disk = strArg(args, "-disk", null);
        boolean viaStore = args.length > 0 && java.util.Arrays.asList(args).contains("-store");
        NodeConfig cfg = NodeConfig.inMemory("bench");
        if (disk != null) cfg = cfg.withDataDir(Files.createDirectories(Path.of(disk)).resolve("bench-" + System.nanoTime()).toString());
        try (HanseNode node = HanseNode.start(cfg)) {
            SearchService search = node.module(SearchModule.class).service();
            search.awaitIdle(Duration.ofMinutes(1));
            System.out.printf("node %s, load average %.1f, store %s, %d datasets, JVM %s, %d cores, max heap %d MiB%n", node.baseUri(),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), disk == null ? "in memory" : "on disk", datasets, System.getProperty("java.version"),
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            if (viaStore) {
                long t0 = System.nanoTime();
                for (int from = 0; from < datasets; from += CHUNK)
                    CatalogueGenerator.write(node.context().store(), from, Math.min(datasets, from + CHUNK), 42);
                System.out.printf("generated into the TDB2 store: %.1f s%n", (System.nanoTime() - t0) / 1e9);
                long t1 = System.nanoTime(), cpu1 = threads.getCurrentThreadCpuTime();
                int indexed = search.rebuildNow();
                double buildS = (System.nanoTime() - t1) / 1e9, buildCpuS = (threads.getCurrentThreadCpuTime() - cpu1) / 1e9;
                System.out.printf("index rebuild from the store (read + extract + index + commit): %d datasets in %.1f s wall = %.2f s per 10k"
                        + " (%.2f s CPU of the building thread per 10k)%n", indexed, buildS, buildS / indexed * CHUNK, buildCpuS / indexed * CHUNK);
            } else {
                long wall = 0, cpu = 0;
                for (int from = 0; from < datasets; from += CHUNK) {
                    var docs = DocGenerator.docs(from, Math.min(datasets, from + CHUNK), 42);
                    long t1 = System.nanoTime(), cpu1 = threads.getCurrentThreadCpuTime();
                    search.index().upsert(docs);
                    search.index().commit(java.util.Map.of());
                    wall += System.nanoTime() - t1;
                    cpu += threads.getCurrentThreadCpuTime() - cpu1;
                }
                System.out.printf("index build from generated documents (map + index + commit every 10k): %d datasets in %.1f s wall"
                        + " = %.2f s per 10k (%.2f s CPU per 10k)%n", search.index().size(), wall / 1e9, wall / 1e9 / datasets * CHUNK, cpu / 1e9 / datasets * CHUNK);
            }

            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            List<URI> uris = BenchQueries.QUERIES.stream().map(q -> node.baseUri().resolve("api/datasets?" + q)).toList();
            for (int i = 0; i < uris.size(); i++)
                System.out.printf("  q%02d total=%-6s %s%n", i + 1, total(get(client, uris.get(i))), BenchQueries.QUERIES.get(i));
            for (int w = 0; w < 10; w++) for (URI u : uris) get(client, u); // warm-up: JIT, caches

            long[] lat = new long[rounds * uris.size()];
            int n = 0;
            for (int r = 0; r < rounds; r++) for (URI u : uris) {
                long s = System.nanoTime();
                get(client, u);
                lat[n++] = System.nanoTime() - s;
            }
            System.out.printf("one client, %d requests: %s%n", n, percentiles(lat));
            List<de.hanse.catalogue.search.index.SearchQuery> parsed = BenchQueries.QUERIES.stream().map(SearchBench::parse).toList();
            long[] inProcess = new long[rounds * parsed.size()], inProcessCpu = new long[inProcess.length];
            n = 0;
            for (int r = 0; r < rounds; r++) for (var q : parsed) {
                long s = System.nanoTime(), c = threads.getCurrentThreadCpuTime();
                search.search(q);
                inProcessCpu[n] = threads.getCurrentThreadCpuTime() - c;
                inProcess[n++] = System.nanoTime() - s;
            }
            System.out.printf("in process (SearchService.search, no HTTP/JSON), %d searches: wall %s%n", n, percentiles(inProcess));
            System.out.printf("in process, CPU time of the searching thread: %s%n", percentiles(inProcessCpu));

            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            List<Future<long[]>> results = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int offset = c * 5;
                results.add(pool.submit(() -> {
                    List<Long> mine = new ArrayList<>();
                    for (int i = offset; !stop.get(); i++) {
                        long s = System.nanoTime();
                        get(client, uris.get(i % uris.size()));
                        mine.add(System.nanoTime() - s);
                    }
                    return mine.stream().mapToLong(Long::longValue).toArray();
                }));
            }
            Thread.sleep(seconds * 1000L);
            stop.set(true);
            List<long[]> all = new ArrayList<>();
            for (Future<long[]> f : results) all.add(f.get());
            pool.shutdown();
            long[] merged = all.stream().flatMapToLong(Arrays::stream).toArray();
            System.out.printf("%d clients for %d s: %d requests, %.0f req/s, %s%n", clients, seconds, merged.length,
                    merged.length / (double) seconds, percentiles(merged));
        }
    }

    private static de.hanse.catalogue.search.index.SearchQuery parse(String queryString) {
        java.util.Map<String, List<String>> m = new java.util.LinkedHashMap<>();
        for (String kv : queryString.split("&")) {
            String[] p = kv.split("=", 2);
            m.computeIfAbsent(p[0], k -> new ArrayList<>()).add(java.net.URLDecoder.decode(p[1], java.nio.charset.StandardCharsets.UTF_8));
        }
        return de.hanse.catalogue.search.SearchParams.parse(m);
    }

    static String get(HttpClient client, URI u) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(u).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IllegalStateException(u + " answered " + r.statusCode() + ": " + r.body());
        return r.body();
    }

    private static String total(String body) {
        int i = body.indexOf("\"total\":");
        return body.substring(i + 8, body.indexOf(',', i));
    }

    static String percentiles(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return String.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms", ms(s, 0.50), ms(s, 0.95), ms(s, 0.99), s[s.length - 1] / 1e6);
    }

    private static double ms(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    private static int intArg(String[] args, String name, int dflt) {
        String v = strArg(args, name, null);
        return v == null ? dflt : Integer.parseInt(v.replace("_", ""));
    }

    private static String strArg(String[] args, String name, String dflt) {
        for (int i = 0; i + 1 < args.length; i++) if (args[i].equals(name)) return args[i + 1];
        return dflt;
    }
}
