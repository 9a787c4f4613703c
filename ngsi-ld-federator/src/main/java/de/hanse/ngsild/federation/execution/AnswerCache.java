package de.hanse.ngsild.federation.execution;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Duration;

/**
 * Reuses a source's successful answer for the registration's {@code management.cacheDuration}. The key
 * ({@code Forwarder.cacheKey}) is the registration, the request URI and every request header except per-call ones
 * ({@code traceparent}, {@code User-Agent}), so answers obtained with one caller's relayed {@code Authorization} or
 * tenant are never served to another. Bounded by total answer size (64 MiB). Thread-safe.
 */
final class AnswerCache {
    private static final long MAX_BYTES = 64L * 1024 * 1024;

    private record Entry(SourceAnswer answer, Duration ttl, int bytes) {}

    private final Cache<String, Entry> cache = Caffeine.newBuilder().maximumWeight(MAX_BYTES)
            .weigher((String k, Entry e) -> k.length() + e.bytes())
            // each answer lives for its registration's cacheDuration, so an expired one is a miss (also in the stats)
            .expireAfter(Expiry.creating((String k, Entry e) -> e.ttl()))
            .recordStats().build();

    SourceAnswer get(String key) {
        Entry e = cache.getIfPresent(key);
        return e == null ? null : e.answer();
    }

    /** As {@link #get}, without counting a hit or miss (a second look at a key just counted). */
    SourceAnswer peek(String key) {
        Entry e = cache.policy().getIfPresentQuietly(key);
        return e == null ? null : e.answer();
    }

    /** Registers the cache as {@code cache="ngsild-answers"}. */
    void bindTo(MeterRegistry registry) {
        CaffeineCacheMetrics.monitor(registry, cache, "ngsild-answers");
    }

    void put(String key, SourceAnswer answer, Duration ttl, int bytes) {
        cache.put(key, new Entry(answer, ttl, bytes));
    }
}
