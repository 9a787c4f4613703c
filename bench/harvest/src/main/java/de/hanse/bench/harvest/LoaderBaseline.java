package de.hanse.bench.harvest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;

/**
 * The baseline: the pages of version 0 written as Turtle files, then loaded into a fresh on-disk TDB2 directory by
 * Jena's phased loader, which is what {@code tdb2.tdbloader} uses by default on an empty database. Only the load
 * is timed.
 */
final class LoaderBaseline {
    record Result(long triples, double seconds, double cpuSeconds, long peakHeap, long maxAfterGc, String cpuSplit) {
        double triplesPerSecond() {
            return triples / seconds;
        }
    }

    private LoaderBaseline() {}

    /**
     * The baseline alone, in a JVM of its own (the phased loader's worker queues do not fit the harvest's -Xmx512m
     * beyond ~10,000 datasets): the same generated pages (same -Dsize, -DpageSize, -Dseed), loaded as in the full
     * run; prints one line with triples, wall and CPU seconds, triples/s and peak heap.
     */
    public static void main(String[] args) throws Exception {
        int size = Integer.getInteger("size", 100_000);
        int pageSize = Integer.getInteger("pageSize", 1000);
        long seed = Long.getLong("seed", 20260601L);
        Path work = Files.createTempDirectory("hanse-bench-loader");
        try (CatalogueServer server = new CatalogueServer(new CatalogueGenerator(seed), size, pageSize)) {
            Result r = run(server, work, new HeapMeter());
            System.out.println(String.format(java.util.Locale.ROOT,
                    "tdb2 phased loader, %d datasets: %d triples in %.1f s wall, %.1f s CPU: %.0f triples/s, %.0f datasets/s; peak heap %s (max %s)",
                    size, r.triples(), r.seconds(), r.cpuSeconds(), r.triplesPerSecond(), size / r.seconds(), HeapMeter.mib(r.peakHeap()),
                    HeapMeter.mib(Runtime.getRuntime().maxMemory())));
            System.out.println("CPU by thread, user + system seconds (/proc): " + r.cpuSplit());
        } finally {
            HarvestBench.deleteTree(work);
        }
    }

    static Result run(CatalogueServer server, Path work, HeapMeter heap) throws java.io.IOException {
        Path dir = Files.createDirectories(work.resolve("pages"));
        List<String> files = new ArrayList<>();
        for (int p = 1; p <= server.pages(); p++) {
            Path f = dir.resolve("page-" + p + ".ttl");
            Files.writeString(f, server.page(p, 0), StandardCharsets.UTF_8);
            files.add(f.toString());
        }
        return load(files, work.resolve("loader-tdb2"), heap);
    }

    /** Loads an N-Quads file (what the first harvest stored: records in named graphs plus provenance). */
    static Result runQuads(Path nquads, Path work, HeapMeter heap) {
        return load(List.of(nquads.toString()), work.resolve("quad-loader-tdb2"), heap);
    }

    private static Result load(List<String> files, Path target, HeapMeter heap) {
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(target.toString());
        try {
            heap.reset();
            long c0 = HarvestBench.cpuNanos();
            CpuSplit split = CpuSplit.start();
            long t0 = System.nanoTime();
            DataLoader loader = LoaderFactory.phasedLoader(dsg, null, (fmt, fmtArgs) -> {});
            loader.startBulk();
            loader.load(files);
            loader.finishBulk();
            double s = (System.nanoTime() - t0) / 1e9;
            return new Result(loader.countTriples() + loader.countQuads(), s, (HarvestBench.cpuNanos() - c0) / 1e9, heap.peakBytes(),
                    heap.maxAfterGcBytes(), split.stop());
        } finally {
            dsg.close();
        }
    }
}
