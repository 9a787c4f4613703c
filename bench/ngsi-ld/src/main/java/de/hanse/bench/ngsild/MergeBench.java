package de.hanse.bench.ngsild;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.hanse.ngsild.federation.merge.EntityMerger;
import de.hanse.ngsild.federation.merge.SourceEntities;
import de.hanse.ngsild.jsonld.LdContext;
import de.hanse.ngsild.model.EntityExpander;
import de.hanse.ngsild.model.Ngsi;
import de.hanse.ngsild.registry.Registration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * JMH: {@link EntityMerger} over 8 sources that together hold 10,000 distinct entities, each entity present at two
 * sources (20,000 input entities) with three attributes, one of them a second datasetId, and different observedAt.
 * Score = merges per second; entities/s = score x 20,000 input entities (x 10,000 output entities).
 *
 * <p>Run: {@code mvn -o -q -f bench/ngsi-ld/pom.xml compile exec:java -Dbench.main=de.hanse.bench.ngsild.MergeBench}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class MergeBench {
    static final int ENTITIES = 10_000;
    static final int SOURCES = 8;
    List<SourceEntities> sources;
    Instant now = Instant.parse("2026-11-29T00:00:00Z");

    @Setup
    public void setup() throws Exception {
        Random rnd = new Random(42);
        List<List<ObjectNode>> per = new ArrayList<>();
        for (int s = 0; s < SOURCES; s++) per.add(new ArrayList<>());
        for (int i = 0; i < ENTITIES; i++) {
            int a = i % SOURCES;
            int b = (a + 1 + rnd.nextInt(SOURCES - 1)) % SOURCES;
            per.get(a).add(entity(i, a, rnd));
            per.get(b).add(entity(i, b, rnd));
        }
        sources = new ArrayList<>();
        for (int s = 0; s < SOURCES; s++)
            sources.add(new SourceEntities("s" + s, s == 7 ? Registration.Mode.AUXILIARY : Registration.Mode.INCLUSIVE, per.get(s)));
    }

    private static ObjectNode entity(int i, int source, Random rnd) throws Exception {
        String json = String.format(Locale.ROOT, "{\"id\":\"urn:ngsi-ld:Sensor:%05d\",\"type\":\"Sensor\",\"modifiedAt\":\"2026-11-28T%02d:00:00Z\","
                + "\"temperature\":[{\"type\":\"Property\",\"value\":%d,\"observedAt\":\"2026-11-28T10:%02d:00Z\"},"
                + "{\"type\":\"Property\",\"value\":%d,\"datasetId\":\"urn:ds:s%d\",\"observedAt\":\"2026-11-28T11:%02d:00Z\"}],"
                + "\"name\":{\"type\":\"Property\",\"value\":\"sensor %d\"},"
                + "\"location\":{\"type\":\"GeoProperty\",\"value\":{\"type\":\"Point\",\"coordinates\":[%.4f,53.1]}}}",
                i, source + 1, rnd.nextInt(30), rnd.nextInt(60), rnd.nextInt(30), source, rnd.nextInt(60), i, 8 + i * 0.0001);
        return EntityExpander.entity(Ngsi.JSON.readTree(json), LdContext.core(), null);
    }

    /**
     * On a shared machine wall-clock throughput measures the neighbours; this reports thread CPU time per merge
     * (what one free core would achieve), after a warm-up.
     */
    static void cpuTime() throws Exception {
        MergeBench b = new MergeBench();
        b.setup();
        // the same sources marked unordered: the general path (group by id, then sort), measured in the same run
        List<SourceEntities> unordered = b.sources.stream().map(s -> new SourceEntities(s.source(), s.mode(), s.entities(),
                new SourceEntities.Facts(null, s.facts().earliest(), s.facts().internal()))).toList();
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 30; i++) {
                b.merge();
                EntityMerger.merge(unordered, b.now);
            }
            int n = 30;
            long c0 = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) b.merge();
            double inStep = (mx.getCurrentThreadCpuTime() - c0) / 1e6 / n;
            c0 = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) EntityMerger.merge(unordered, b.now);
            double general = (mx.getCurrentThreadCpuTime() - c0) / 1e6 / n;
            System.out.printf(Locale.ROOT, "merge of %d input entities, CPU per merge: sources in id order (walked in step) %.1f ms = %.0f input entities/s per core; "
                    + "unordered (grouped, sorted) %.1f ms; ratio %.2f%n", 2 * ENTITIES, inStep, 2 * ENTITIES / (inStep / 1000), general, inStep / general);
        }
        // the federated query's shape: 8 sources x 50 entities, each source its own id range (no overlap)
        Random rnd = new Random(1);
        List<SourceEntities> small = new ArrayList<>();
        for (int s = 0; s < SOURCES; s++) {
            List<ObjectNode> es = new ArrayList<>();
            for (int i = 0; i < 50; i++) es.add(entity(s * 50 + i, s, rnd));
            small.add(new SourceEntities("s" + s, Registration.Mode.INCLUSIVE, es));
        }
        List<SourceEntities> smallUnordered = small.stream().map(s -> new SourceEntities(s.source(), s.mode(), s.entities(),
                new SourceEntities.Facts(null, s.facts().earliest(), s.facts().internal()))).toList();
        // as before the facts existed: grouped, sorted, and every entity and instance checked for expiry
        List<SourceEntities> smallAsBefore = small.stream().map(s -> new SourceEntities(s.source(), s.mode(), s.entities(),
                new SourceEntities.Facts(null, s.facts().earliest(), false))).toList();
        for (int round = 0; round < 3; round++) {
            int n = 20_000;
            for (int i = 0; i < n; i++) {
                EntityMerger.merge(small, b.now);
                EntityMerger.merge(smallUnordered, b.now);
                EntityMerger.merge(smallAsBefore, b.now);
            }
            long c0 = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) EntityMerger.merge(small, b.now);
            double inStep = (mx.getCurrentThreadCpuTime() - c0) / 1e3 / n;
            c0 = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) EntityMerger.merge(smallUnordered, b.now);
            double general = (mx.getCurrentThreadCpuTime() - c0) / 1e3 / n;
            c0 = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) EntityMerger.merge(smallAsBefore, b.now);
            double before = (mx.getCurrentThreadCpuTime() - c0) / 1e3 / n;
            System.out.printf(Locale.ROOT, "merge of 8 x 50 entities (disjoint id ranges), CPU per merge: in step %.1f us, grouped and sorted %.1f us, "
                    + "grouped, sorted and checked entity by entity (as before) %.1f us; in step / before %.2f%n", inStep, general, before, inStep / before);
        }
    }

    @Benchmark
    public List<ObjectNode> merge() {
        return EntityMerger.merge(sources, now);
    }

    public static void main(String[] args) throws Exception {
        if (Boolean.getBoolean("cpu")) {
            cpuTime();
            return;
        }
        // under exec:java the class path lives in Maven's class loader; the forked benchmark JVM needs it
        if (Thread.currentThread().getContextClassLoader() instanceof java.net.URLClassLoader u) {
            StringBuilder cp = new StringBuilder();
            for (java.net.URL url : u.getURLs()) cp.append(cp.length() == 0 ? "" : java.io.File.pathSeparator).append(new java.io.File(url.toURI()));
            System.setProperty("java.class.path", cp.toString());
        }
        new Runner(new OptionsBuilder().include(MergeBench.class.getSimpleName()).build()).run();
    }
}
