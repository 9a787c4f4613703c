package de.hanse.bench.ngsild;

import de.hanse.core.config.NodeConfig;
import de.hanse.node.HanseNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Federated NGSI-LD query load: {@code peers} (default 8) real Hanse nodes on loopback, each holding 50 small
 * entities and answering after an injected delay ({@link DelayModule}), and a state node registering all of them.
 * Measures, in one run, after a warm-up until the JIT has settled: p50/p99 of a direct query at each peer (the
 * slowest peer's p50 is the baseline) and of the same query federated at the state node, taken interleaved (each
 * federated query followed by a direct one at the next peer, {@code samples} of each, default 1,600), then throughput
 * with {@code clients} (default 16) concurrent clients.
 *
 * <p>Run: {@code mvn -o -q -f bench/ngsi-ld/pom.xml compile exec:java} (system properties {@code peers},
 * {@code entities}, {@code clients}, {@code samples}, {@code seconds}, {@code hanse.bench.delayMs}, {@code warmupMax},
 * {@code cpuSplit} and {@code jfr} (diagnostics, see {@link #cpuSplit}), and {@code cacheMs}: when positive, the
 * registrations carry {@code management.cacheDuration} of that many ms).
 */
public final class FederatedQueryBench {
    private static final String QUERY = "ngsi-ld/v1/entities?type=BenchSensor&q=temperature%3E0&limit=20&count=true";

    public static void main(String[] args) throws Exception {
        // per-request access logging to the console would dominate the CPU this measures
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(ch.qos.logback.classic.Level.WARN);
        int peers = Integer.getInteger("peers", 8);
        int entities = Integer.getInteger("entities", 50);
        int clients = Integer.getInteger("clients", 16);
        int samples = Integer.getInteger("samples", 1_600);
        int seconds = Integer.getInteger("seconds", 10);
        long cacheMs = Long.getLong("cacheMs", 0);   // > 0: registrations carry management.cacheDuration
        String management = cacheMs > 0 ? ",\"management\":{\"cacheDuration\":" + cacheMs + "}" : "";
        List<HanseNode> nodes = new ArrayList<>();
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4)).connectTimeout(Duration.ofSeconds(5)).build();
        try {
            HanseNode state = start(nodes, "bench-state");
            for (int p = 0; p < peers; p++) {
                HanseNode peer = start(nodes, "bench-peer-" + p);
                post(http, peer, "ngsi-ld/v1/entityOperations/upsert", entities(p, entities));
                post(http, state, "ngsi-ld/v1/csourceRegistrations", "{\"type\":\"ContextSourceRegistration\",\"endpoint\":\""
                        + peer.baseUri() + "\",\"contextSourceAlias\":\"bench-peer-" + p
                        + "\",\"information\":[{\"entities\":[{\"type\":\"BenchSensor\"}]}]" + management + "}");
            }
            String count = get(http, state.baseUri().resolve(QUERY)).headers().firstValue("NGSILD-Results-Count").orElse("?");
            System.out.printf(Locale.ROOT, "federated count %s (expected %d)%n", count, peers * entities);
            if (Boolean.getBoolean("forwardedOnly")) {
                // what a peer does per federated query: the request the state forwards (expanded type, sysAttrs, limit 1,000)
                URI forwarded = nodes.get(1).baseUri().resolve("ngsi-ld/v1/entities?type="
                        + java.net.URLEncoder.encode("https://uri.etsi.org/ngsi-ld/default-context/BenchSensor", java.nio.charset.StandardCharsets.UTF_8)
                        + "&q=temperature%3E0&options=sysAttrs&limit=1000&count=true");
                String sample = get(http, forwarded).body();
                System.out.printf(Locale.ROOT, "answer: %d bytes, begins %s%n", sample.length(), sample.substring(0, Math.min(600, sample.length())));
                System.out.printf(Locale.ROOT, "forwarded query straight to one peer, %d raw-socket clients: %.0f queries/s%n", clients,
                        throughput(forwarded, clients, seconds, true));
                return;
            }
            if (Boolean.getBoolean("direct")) {
                System.out.printf(Locale.ROOT, "direct to one peer, %d clients: %.0f queries/s%n", clients,
                        throughput(nodes.get(1).baseUri().resolve(QUERY), clients, seconds, false));
                return;
            }
            URI fedUri = state.baseUri().resolve(QUERY);
            List<URI> direct = nodes.subList(1, nodes.size()).stream().map(n -> n.baseUri().resolve(QUERY)).toList();
            warmUp(http, fedUri, direct);
            // interleaved: each federated query is followed by a direct one at the next peer, so both series see the
            // same neighbours' load and the same JIT state (phases one after another would compare different minutes)
            long[] fed = new long[samples];
            long[][] alone = new long[peers][(samples + peers - 1) / peers];
            int[] filled = new int[peers];
            for (int r = 0; r < samples; r++) {
                fed[r] = time(http, fedUri);
                int p = r % peers;
                alone[p][filled[p]++] = time(http, direct.get(p));
            }
            Arrays.sort(fed);
            double slowestP50 = 0;
            double slowestP99 = 0;
            for (int p = 0; p < peers; p++) {
                long[] t = Arrays.copyOf(alone[p], filled[p]);
                Arrays.sort(t);
                slowestP50 = Math.max(slowestP50, pct(t, 50));
                slowestP99 = Math.max(slowestP99, pct(t, 99));
            }
            double p50 = pct(fed, 50);
            double p99 = pct(fed, 99);
            if (Boolean.getBoolean("cpuSplit")) cpuSplit(http, fedUri, direct.get(0), samples);
            double qps = throughput(state.baseUri().resolve(QUERY), clients, seconds, false);
            double raw = throughput(state.baseUri().resolve(QUERY), clients, seconds, true);
            System.out.printf(Locale.ROOT, "| peers | entities/peer | delay | slowest peer p50 / p99 | federated p50 / p99 | p50 - slowest | p50 ratio | %d clients, JDK HttpClient | %d clients, raw sockets |%n", clients, clients);
            System.out.printf(Locale.ROOT, "| %d | %d | %d ms | %.1f / %.1f ms | %.1f / %.1f ms | %+.1f ms | %.2f | %.0f queries/s | %.0f queries/s |%n",
                    peers, entities, Long.getLong("hanse.bench.delayMs", 20), slowestP50, slowestP99, p50, p99, p50 - slowestP50,
                    p50 / slowestP50, qps, raw);
        } catch (Throwable t) {
            t.printStackTrace();   // System.exit below would otherwise swallow it
            for (int i = nodes.size() - 1; i >= 0; i--) nodes.get(i).close();
            System.exit(1);
        } finally {
            for (int i = nodes.size() - 1; i >= 0; i--) nodes.get(i).close();
            System.exit(0);
        }
    }

    /**
     * Sends the federated query, each followed by a direct one at the next peer, one at a time until the JIT has
     * settled: rounds of 100 until two rounds in a row spent less than 2 % of their wall time compiling (at least 300 and at most {@code warmupMax}, default 6,000
     * queries). With a fixed 300 queries, the compiler threads still took about 4 ms of CPU per query during the
     * latency sample, on the same 2 cores as the query: a cold-start figure, not the steady state of a running node.
     */
    private static void warmUp(HttpClient http, URI fed, List<URI> direct) throws Exception {
        var jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        int max = Integer.getInteger("warmupMax", 6_000);
        int sent = 0;
        int quiet = 0;
        double share = 1;
        while (sent < max && (sent < 300 || quiet < 2)) {
            long c0 = jit.getTotalCompilationTime();
            long t0 = System.nanoTime();
            for (int i = 0; i < 100; i++) {
                get(http, fed);
                get(http, direct.get((sent + i) % direct.size()));
            }
            sent += 100;
            share = (jit.getTotalCompilationTime() - c0) / ((System.nanoTime() - t0) / 1e6);
            quiet = share < 0.02 ? quiet + 1 : 0;
        }
        System.out.printf(Locale.ROOT, "warm-up: %d federated and %d direct queries, compiling %.1f %% of the last round's time%n",
                sent, sent, 100 * share);
    }

    private static HanseNode start(List<HanseNode> nodes, String name) {
        HanseNode n = HanseNode.start(NodeConfig.inMemory(name));
        nodes.add(n);
        return n;
    }

    private static String entities(int peer, int n) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            if (i > 0) sb.append(',');
            sb.append(String.format(Locale.ROOT, "{\"id\":\"urn:ngsi-ld:BenchSensor:p%d-%03d\",\"type\":\"BenchSensor\","
                    + "\"temperature\":{\"type\":\"Property\",\"value\":%.1f,\"observedAt\":\"2026-11-28T10:%02d:00Z\"},"
                    + "\"location\":{\"type\":\"GeoProperty\",\"value\":{\"type\":\"Point\",\"coordinates\":[%.4f,%.4f]}}}",
                    peer, i, 5 + (i % 20) * 0.5, i % 60, 8 + peer * 0.5 + i * 0.001, 53 + i * 0.001));
        }
        return sb.append(']').toString();
    }

    private static void post(HttpClient http, HanseNode n, String path, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(n.baseUri().resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) throw new IllegalStateException(path + " -> " + r.statusCode() + " " + r.body());
    }

    private static HttpResponse<String> get(HttpClient http, URI uri) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200 || r.headers().firstValue("NGSILD-Warning").isPresent())
            throw new IllegalStateException(uri + " -> " + r.statusCode() + " " + r.headers().allValues("NGSILD-Warning"));
        return r;
    }

    private static long time(HttpClient http, URI uri) throws Exception {
        long t0 = System.nanoTime();
        get(http, uri);
        return System.nanoTime() - t0;
    }

    /**
     * Diagnostics ({@code -DcpuSplit=true}): the CPU of the whole JVM per query, one query at a time, by thread name,
     * for {@code n} federated queries and then {@code n} direct ones at one peer ({@code -Djfr=file}: a flight
     * recording of the federated ones). Nearly all of a federated query's CPU lies after the peers' delay, where the
     * 8 peers and the state share 2 cores.
     */
    private static void cpuSplit(HttpClient http, URI fed, URI direct, int n) throws Exception {
        jdk.jfr.Recording jfr = null;
        if (System.getProperty("jfr") != null) {
            jfr = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
            jfr.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(Long.getLong("jfrPeriodMs", 5)));
            jfr.start();
        }
        ThreadCpu split = new ThreadCpu();
        for (int i = 0; i < n; i++) get(http, fed);
        System.out.println("federated, one at a time, CPU per query by thread: " + split.since(n));
        if (jfr != null) {
            jfr.stop();
            jfr.dump(java.nio.file.Path.of(System.getProperty("jfr")));
        }
        split = new ThreadCpu();
        for (int i = 0; i < n; i++) get(http, direct);
        System.out.println("direct to one peer, one at a time, CPU per query by thread: " + split.since(n));
    }

    private static double pct(long[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * {@code clients} threads sending the query back to back for {@code seconds} (after 2 s of warm-up): queries/s.
     * {@code raw}: each thread on its own {@link RawHttpDriver} connection instead of the shared JDK client.
     */
    private static double throughput(URI uri, int clients, int seconds, boolean raw) throws Exception {
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(clients)).build();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean stop = new AtomicBoolean(false);
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        for (int c = 0; c < clients; c++) {
            pool.submit(() -> {
                RawHttpDriver driver = raw ? new RawHttpDriver(uri) : null;
                while (!stop.get()) {
                    try {
                        if (raw) driver.get();
                        else get(http, uri);
                        if (measuring.get()) done.incrementAndGet();
                    } catch (Exception e) {
                        if (failed.incrementAndGet() <= 3) System.out.println("failure: " + e);
                        if (raw) {
                            try { driver.close(); } catch (Exception ignored) { }
                            driver = new RawHttpDriver(uri);
                        }
                    }
                }
                if (raw) try { driver.close(); } catch (Exception ignored) { }
            });
        }
        Thread.sleep(2_000);
        measuring.set(true);
        long t0 = System.nanoTime();
        long cpu0 = processCpuNanos();
        Thread.sleep(seconds * 1_000L);
        long n = done.get();
        double secs = (System.nanoTime() - t0) / 1e9;
        double cpuMs = (processCpuNanos() - cpu0) / 1e6;
        System.out.printf(Locale.ROOT, "%s: CPU per federated query (state + %s peers + client, whole JVM): %.2f ms; load average %.1f%n",
                raw ? "raw-socket clients" : "JDK HttpClient clients", "all", cpuMs / Math.max(1, n), java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        stop.set(true);
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.SECONDS);
        if (failed.get() > 0) System.out.printf(Locale.ROOT, "failed or warned: %d%n", failed.get());
        return n / secs;
    }
}
