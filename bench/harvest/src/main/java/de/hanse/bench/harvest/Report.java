package de.hanse.bench.harvest;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/** Collects the phases' figures and prints them as the Markdown table that goes into docs/benchmarks.md. */
final class Report {
    final int size;
    final int pageSize;
    final String validatorName;
    boolean validatorIsNone;
    HarvestBench.Phase first, identical, notModified, unchanged, delta;
    LoaderBaseline.Result quadLoader;
    LoaderBaseline.Result loader;
    int expectChanged, expectRemoved;
    long firstQuads;
    StoreFingerprint.Diff deltaDiff;
    long deltaQuadsRemoved, deltaQuadsAdded;
    /** Reads after the first harvest ({@link QuerySide}): operation to fastest time and answer size. */
    java.util.Map<String, String> querySide;

    Report(int size, int pageSize, String validatorName) {
        this.size = size;
        this.pageSize = pageSize;
        this.validatorName = validatorName;
    }

    private static String f(String fmt, Object... args) {
        return String.format(Locale.ROOT, fmt, args);
    }

    private String row(String name, HarvestBench.Phase p) {
        return f("| %s | %.1f s | %.1f s | %.1f s | %.1f s (%d records) | %.0f | %s | %s | %s |", name, p.seconds(), p.cpuSeconds(), p.writeCpuSeconds(),
                p.validateCpuSeconds(), p.validations(), size / p.seconds(), HeapMeter.mib(p.peakHeap()), HeapMeter.mib(p.maxAfterGc()),
                p.report().summary().replaceAll("^[^:]*: ", ""));
    }

    private String loaderRow(String name, LoaderBaseline.Result l, String what) {
        return f("| %s | %.1f s | %.1f s | | | %.0f | %s | %s | %d %s |%n", name, l.seconds(), l.cpuSeconds(), size / l.seconds(),
                HeapMeter.mib(l.peakHeap()), HeapMeter.mib(l.maxAfterGc()), l.triples(), what);
    }

    String markdown() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double harvestTps = loader == null ? 0 : loader.triples() / first.seconds();
        StringBuilder sb = new StringBuilder();
        sb.append(f("Machine: %d cores, %.1f GiB RAM, %s %s, max heap %s; %d datasets, %d per page, %d triples on the pages; validator: %s%s%n%n",
                Runtime.getRuntime().availableProcessors(), os.getTotalMemorySize() / 1073741824.0, System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), HeapMeter.mib(Runtime.getRuntime().maxMemory()), size, pageSize, loader == null ? -1 : loader.triples(),
                validatorName, validatorIsNone ? " (RecordValidator.NONE: validation OFF)" : ""));
        sb.append("| phase | wall time | CPU time (process) | CPU, harvest thread (diff + write + commit) | CPU in validation | datasets/s (wall) "
                + "| peak heap | max heap after GC | run report |\n|---|---|---|---|---|---|---|---|---|\n");
        sb.append(row("first harvest", first)).append('\n');
        if (delta != null) {
            sb.append(row("unchanged re-harvest, byte-identical pages, no ETag", identical)).append('\n');
            sb.append(row("unchanged re-harvest, ETag (304)", notModified)).append('\n');
            sb.append(row("unchanged re-harvest, pages differ (every record parsed + hashed)", unchanged)).append('\n');
            sb.append(row(f("re-harvest, %d changed + %d removed", expectChanged, expectRemoved), delta)).append('\n');
        }
        if (loader != null) sb.append(loaderRow("tdb2 phased loader, same pages", loader, "triples"));
        if (quadLoader != null) sb.append(loaderRow("tdb2 phased loader, the quads the first harvest stored", quadLoader, "quads"));
        if (loader != null) sb.append(f("%nTriples/s (wall): harvest %.0f, loader %.0f, **ratio %.2f**; by process CPU time: ratio %.2f (goal >= 0.5).%n", harvestTps,
                loader.triplesPerSecond(), harvestTps / loader.triplesPerSecond(), loader.cpuSeconds() / first.cpuSeconds()));
        sb.append(f("%nCPU of the first harvest by thread, user + system seconds (/proc): %s.%n", first.cpuSplit()));
        if (firstQuads > 0) sb.append(f("The first harvest stored %d quads (records, provenance, quality reports): %.0f quads/s.%n", firstQuads, firstQuads / first.seconds()));
        if (quadLoader != null)
            sb.append(f("Like for like (the same %d quads, into TDB2's default six quad indexes): loader %.0f quads/s, ratio %.2f (wall), %.2f (CPU).%n",
                    quadLoader.triples(), quadLoader.triplesPerSecond(), quadLoader.seconds() / first.seconds(), quadLoader.cpuSeconds() / first.cpuSeconds()));
        if (querySide != null) {
            sb.append(f("%nReads after the first harvest (fastest of %d rounds; answer size in brackets):%n%n| read | time |%n|---|---|%n", QuerySide.ROUNDS));
            querySide.forEach((k, v) -> sb.append("| ").append(k).append(" | ").append(v).append(" |\n"));
            sb.append('\n');
        }
        if (delta != null) appendReharvests(sb);
        sb.append(f("System load average at the end: %.1f on %d cores (the machine is shared).%n", os.getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors()));
        return sb.toString();
    }

    private void appendReharvests(StringBuilder sb) {
        sb.append(f("Unchanged re-harvest speed-up, wall / CPU (goal >= 10x): identical pages %.1fx / %.1fx, 304 %.1fx / %.1fx, "
                        + "pages differ %.1fx / %.1fx. The store after the three is identical to the store after the first (fingerprint).%n",
                first.seconds() / identical.seconds(), first.cpuSeconds() / identical.cpuSeconds(),
                first.seconds() / notModified.seconds(), first.cpuSeconds() / notModified.cpuSeconds(),
                first.seconds() / unchanged.seconds(), first.cpuSeconds() / unchanged.cpuSeconds()));
        HarvestBench.Phase d = delta;
        sb.append(f("1%%/1%% re-harvest: added %d, updated %d, unchanged %d, deleted %d. In the store (fingerprint before/after) only the "
                        + "units (graph, quality report, provenance) of the %d changed + %d removed datasets' records differ (%d units, %d quads "
                        + "before, %d after); in those records %d quads were removed and %d added (net change): **%d quads written** (first harvest: %d).%n",
                d.report().added(), d.report().updated(), d.report().unchanged(), d.report().deleted(), expectChanged, expectRemoved,
                deltaDiff.unitsChanged().size(), deltaDiff.quadsRemoved(), deltaDiff.quadsAdded(), deltaQuadsRemoved, deltaQuadsAdded,
                deltaQuadsRemoved + deltaQuadsAdded, firstQuads));
    }
}
