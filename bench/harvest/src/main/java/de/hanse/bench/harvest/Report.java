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

    Report(int size, int pageSize, String validatorName) {
        this.size = size;
        this.pageSize = pageSize;
        this.validatorName = validatorName;
    }

    private static String f(String fmt, Object... args) {
        return String.format(Locale.ROOT, fmt, args);
    }

    private String row(String name, HarvestBench.Phase p) {
        return f("| %s | %.1f s | %.1f s | %.0f | %s | %s | %s |", name, p.seconds(), p.cpuSeconds(), size / p.seconds(), HeapMeter.mib(p.peakHeap()),
                HeapMeter.mib(p.maxAfterGc()), p.report().summary().replaceAll("^[^:]*: ", ""));
    }

    String markdown() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double harvestTps = loader.triples() / first.seconds();
        StringBuilder sb = new StringBuilder();
        sb.append(f("Machine: %d cores, %.1f GiB RAM, %s %s, max heap %s; %d datasets, %d per page, %d triples; validator: %s%s%n%n",
                Runtime.getRuntime().availableProcessors(), os.getTotalMemorySize() / 1073741824.0, System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), HeapMeter.mib(Runtime.getRuntime().maxMemory()), size, pageSize, loader.triples(),
                validatorName, validatorIsNone ? " (RecordValidator.NONE: validation OFF)" : ""));
        sb.append("| phase | wall time | CPU time | datasets/s (wall) | peak heap | max heap after GC | run report |\n|---|---|---|---|---|---|---|\n");
        sb.append(row("first harvest", first)).append('\n');
        sb.append(row("unchanged re-harvest, byte-identical pages, no ETag", identical)).append('\n');
        sb.append(row("unchanged re-harvest, ETag (304)", notModified)).append('\n');
        sb.append(row("unchanged re-harvest, pages differ (every record parsed + hashed)", unchanged)).append('\n');
        sb.append(row(f("re-harvest, %d changed + %d removed", expectChanged, expectRemoved), delta)).append('\n');
        sb.append(f("| tdb2 phased loader, same triples | %.1f s | %.1f s | %.0f | %s | %s | %d triples |%n", loader.seconds(), loader.cpuSeconds(), size / loader.seconds(),
                HeapMeter.mib(loader.peakHeap()), HeapMeter.mib(loader.maxAfterGc()), loader.triples()));
        sb.append(f("| tdb2 phased loader, the quads the first harvest stored | %.1f s | %.1f s | %.0f | %s | %s | %d quads |%n",
                quadLoader.seconds(), quadLoader.cpuSeconds(), size / quadLoader.seconds(), HeapMeter.mib(quadLoader.peakHeap()),
                HeapMeter.mib(quadLoader.maxAfterGc()), quadLoader.triples()));
        sb.append(f("%nLike for like (same quads, same six quad indexes): harvest %.0f quads/s, loader %.0f quads/s, ratio %.2f (wall), %.2f (CPU).%n",
                quadLoader.triples() / first.seconds(), quadLoader.triplesPerSecond(), quadLoader.seconds() / first.seconds(),
                quadLoader.cpuSeconds() / first.cpuSeconds()));
        sb.append(f("Triples/s (wall): harvest %.0f, loader %.0f, ratio %.2f; by CPU time: ratio %.2f (goal >= 0.5).%n", harvestTps,
                loader.triplesPerSecond(), harvestTps / loader.triplesPerSecond(), loader.cpuSeconds() / first.cpuSeconds()));
        sb.append(f("Unchanged re-harvest speed-up, wall / CPU (goal >= 10x): identical pages %.1fx / %.1fx, 304 %.1fx / %.1fx, "
                        + "pages differ %.1fx / %.1fx.%n",
                first.seconds() / identical.seconds(), first.cpuSeconds() / identical.cpuSeconds(),
                first.seconds() / notModified.seconds(), first.cpuSeconds() / notModified.cpuSeconds(),
                first.seconds() / unchanged.seconds(), first.cpuSeconds() / unchanged.cpuSeconds()));
        sb.append(f("System load average at the end: %.1f on %d cores (the machine is shared).%n", os.getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors()));
        sb.append(f("Delta re-harvest wrote exactly the %d changed and deleted exactly the %d removed datasets (asserted).%n",
                delta.report().updated(), delta.report().deleted()));
        return sb.toString();
    }
}
