package de.hanse.bench.harvest;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a phase's CPU went, from Linux's per-thread accounting ({@code /proc/self/task/<tid>/stat}: user and system
 * time in clock ticks): the harvest thread (the one that calls {@link #start()}), the page reader, garbage
 * collection, the JIT and the rest (loopback server, ...), each as user + system; plus the collectors' own count and
 * pause time. Threads that end during the phase (the reader) are counted up to the last sample, taken once a
 * second by a daemon thread, so at most a second of such a thread is missed. Linux only: elsewhere the split is empty.
 */
final class CpuSplit {
    /** Clock ticks per second of /proc's times (USER_HZ, 100 on Linux). */
    private static final double HZ = 100.0;
    private static final Path TASKS = Path.of("/proc/self/task");

    /** Latest (user, system) ticks and group of every thread seen since the sampler started. */
    private final Map<Integer, long[]> latest = new ConcurrentHashMap<>();
    private final Map<Integer, String> groups = new ConcurrentHashMap<>();
    private Map<Integer, long[]> atStart = Map.of();
    private long gcCount0, gcMillis0;
    private final int harvestTid;

    private CpuSplit(int harvestTid) {
        this.harvestTid = harvestTid;
    }

    /** Starts measuring on the calling thread (the harvest's thread). */
    static CpuSplit start() {
        CpuSplit s = new CpuSplit(currentTid());
        s.sample();
        s.atStart = new HashMap<>(s.latest);
        s.gcCount0 = gcCount();
        s.gcMillis0 = gcMillis();
        Thread t = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                s.sample();
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-cpu-sampler");
        t.setDaemon(true);
        t.start();
        s.sampler = t;
        return s;
    }

    private Thread sampler;

    /** Stops measuring; one line: "user+sys" seconds per group, and GC count and pause time. */
    String stop() {
        sampler.interrupt();
        sample();
        Map<String, double[]> by = new java.util.TreeMap<>();
        double user = 0, sys = 0;
        for (var e : latest.entrySet()) {
            long[] before = atStart.getOrDefault(e.getKey(), new long[2]);
            double u = (e.getValue()[0] - before[0]) / HZ, k = (e.getValue()[1] - before[1]) / HZ;
            double[] g = by.computeIfAbsent(groups.get(e.getKey()), x -> new double[2]);
            g[0] += u;
            g[1] += k;
            user += u;
            sys += k;
        }
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "user %.1f s + system %.1f s", user, sys));
        for (var e : by.entrySet())
            if (e.getValue()[0] + e.getValue()[1] >= 0.05)
                sb.append(String.format(Locale.ROOT, "; %s %.1f + %.1f", e.getKey(), e.getValue()[0], e.getValue()[1]));
        sb.append(String.format(Locale.ROOT, "; %d collections, %.1f s in GC pauses", gcCount() - gcCount0, (gcMillis() - gcMillis0) / 1000.0));
        return sb.toString();
    }

    private void sample() {
        try (var tasks = Files.list(TASKS)) {
            tasks.forEach(dir -> {
                try {
                    String stat = Files.readString(dir.resolve("stat"));
                    int tid = Integer.parseInt(dir.getFileName().toString());
                    int open = stat.indexOf('('), close = stat.lastIndexOf(')');
                    String name = stat.substring(open + 1, close);
                    String[] f = stat.substring(close + 2).split(" ");
                    // after "(comm) ": state is field 3 of stat(5), utime field 14, stime field 15
                    latest.put(tid, new long[] {Long.parseLong(f[11]), Long.parseLong(f[12])});
                    groups.computeIfAbsent(tid, x -> group(tid, name));
                } catch (IOException | RuntimeException e) {
                    // the thread ended between listing and reading: its last sample stands
                }
            });
        } catch (IOException e) {
            // not Linux
        }
    }

    private String group(int tid, String name) {
        if (tid == harvestTid) return "harvest thread";
        if (name.startsWith("hanse-harvest-r")) return "reader thread";
        if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.startsWith("VM Thread")) return "GC/VM";
        if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) return "JIT";
        return "other";
    }

    private static int currentTid() {
        try {
            return Integer.parseInt(Path.of("/proc/thread-self").toRealPath().getFileName().toString());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long gcCount() {
        long n = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) n += Math.max(0, gc.getCollectionCount());
        return n;
    }

    private static long gcMillis() {
        long n = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) n += Math.max(0, gc.getCollectionTime());
        return n;
    }
}
