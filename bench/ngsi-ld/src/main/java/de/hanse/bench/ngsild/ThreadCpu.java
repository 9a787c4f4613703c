package de.hanse.bench.ngsild;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a phase's CPU went, by thread name (digits dropped, as Linux keeps it: 15 characters), from
 * {@code /proc/self/task/<tid>/stat} (user + system clock ticks, 100 per second). Linux only; elsewhere empty.
 */
final class ThreadCpu {
    private final Map<Integer, long[]> start = snapshot();

    /** The groups that used at least 1 % of the phase's CPU, largest first, as milliseconds per {@code per} units. */
    String since(int per) {
        Map<Integer, long[]> now = snapshot();
        Map<String, Long> by = new TreeMap<>();
        long total = 0;
        for (var e : now.entrySet()) {
            long[] before = start.get(e.getKey());
            long d = e.getValue()[0] - (before == null ? 0 : before[0]);
            if (d <= 0) continue;
            by.merge(names.get(e.getKey()), d, Long::sum);
            total += d;
        }
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%.2f ms", total * 10.0 / per));
        long all = total;
        by.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .filter(e -> e.getValue() * 100 >= all)
                .forEach(e -> sb.append(String.format(Locale.ROOT, "; %s %.2f", e.getKey(), e.getValue() * 10.0 / per)));
        return sb.toString();
    }

    private static final Map<Integer, String> names = new java.util.concurrent.ConcurrentHashMap<>();

    private static Map<Integer, long[]> snapshot() {
        Map<Integer, long[]> m = new HashMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.forEach(dir -> {
                try {
                    String stat = Files.readString(dir.resolve("stat"));
                    int tid = Integer.parseInt(dir.getFileName().toString());
                    int open = stat.indexOf('('), close = stat.lastIndexOf(')');
                    String[] f = stat.substring(close + 2).split(" ");
                    m.put(tid, new long[] {Long.parseLong(f[11]) + Long.parseLong(f[12])});
                    names.putIfAbsent(tid, stat.substring(open + 1, close).replaceAll("[0-9]+", "#"));
                } catch (IOException | RuntimeException e) {
                    // ended meanwhile
                }
            });
        } catch (IOException e) {
            // not Linux
        }
        return m;
    }
}
