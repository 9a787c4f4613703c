package de.hanse.bench.harvest;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Peak heap per phase: the largest heap occupancy seen just before a collection (or now, if larger), which is the
 * most the heap held at any moment, garbage included; and the largest occupancy right after a collection (the live
 * set plus what survived). The sum of each pool's own peak is not used: the pools peak at different moments, so that
 * sum can exceed -Xmx.
 */
final class HeapMeter {
    private final AtomicLong maxAfterGc = new AtomicLong();
    private final AtomicLong maxBeforeGc = new AtomicLong();

    private final java.util.Set<String> heapPools = new java.util.HashSet<>();

    HeapMeter() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) if (p.getType() == MemoryType.HEAP) heapPools.add(p.getName());
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (!(gc instanceof NotificationEmitter emitter)) continue;
            emitter.addNotificationListener((n, hb) -> {
                if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) return;
                var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                maxBeforeGc.accumulateAndGet(heapUsed(info.getGcInfo().getMemoryUsageBeforeGc()), Math::max);
                maxAfterGc.accumulateAndGet(heapUsed(info.getGcInfo().getMemoryUsageAfterGc()), Math::max);
            }, null, null);
        }
    }

    private long heapUsed(java.util.Map<String, java.lang.management.MemoryUsage> pools) {
        long used = 0;
        for (var e : pools.entrySet()) if (heapPools.contains(e.getKey())) used += e.getValue().getUsed();
        return used;
    }

    void reset() {
        System.gc();
        try {
            Thread.sleep(300); // GC notifications arrive asynchronously: let the explicit collection's pass first
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        maxAfterGc.set(0);
        maxBeforeGc.set(0);
    }

    /** Most heap in use at any moment since {@link #reset()}: the fullest it was before a collection, or now. */
    long peakBytes() {
        return Math.max(maxBeforeGc.get(), ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }

    /** Largest heap occupancy seen right after a collection since {@link #reset()}. */
    long maxAfterGcBytes() {
        return maxAfterGc.get();
    }

    static String mib(long bytes) {
        if (bytes == 0) return "no GC";
        return String.format(java.util.Locale.ROOT, "%.0f MiB", bytes / 1048576.0);
    }
}
