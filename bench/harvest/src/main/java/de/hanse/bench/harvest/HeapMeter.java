package de.hanse.bench.harvest;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Peak heap per phase: the sum of the heap pools' peak usage (includes garbage not yet collected, so it is an upper
 * bound, at most -Xmx) and the largest heap in use right after a collection (the live set plus what survived).
 */
final class HeapMeter {
    private final AtomicLong maxAfterGc = new AtomicLong();

    private final java.util.Set<String> heapPools = new java.util.HashSet<>();

    HeapMeter() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) if (p.getType() == MemoryType.HEAP) heapPools.add(p.getName());
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (!(gc instanceof NotificationEmitter emitter)) continue;
            emitter.addNotificationListener((n, hb) -> {
                if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) return;
                var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                long used = 0;
                for (var e : info.getGcInfo().getMemoryUsageAfterGc().entrySet())
                    if (heapPools.contains(e.getKey())) used += e.getValue().getUsed();
                maxAfterGc.accumulateAndGet(used, Math::max);
            }, null, null);
        }
    }

    void reset() {
        System.gc();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) if (p.getType() == MemoryType.HEAP) p.resetPeakUsage();
        maxAfterGc.set(0);
    }

    long peakBytes() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans())
            if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) sum += p.getPeakUsage().getUsed();
        return sum;
    }

    /** Largest heap occupancy seen right after a collection since {@link #reset()}. */
    long maxAfterGcBytes() {
        return maxAfterGc.get();
    }

    static String mib(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.0f MiB", bytes / 1048576.0);
    }
}
