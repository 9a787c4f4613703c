package de.hanse.harvest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * ETag / Last-Modified (and the next-page link) per page URL from the previous <em>committed</em> run of a source,
 * used for conditional GETs. What a run learns is staged with {@link #put} and only becomes visible to later runs
 * after {@link #commit()}; a failed run calls {@link #discard()}, so a 304 never hides records that were not stored.
 * Thread-safe. Kept in memory per source (bounded by pages per run); after a restart every page is fetched once.
 */
public final class ConditionalCache {
    /** Validators for one URL; either may be null. {@code next} is the page's next-page link, if any. */
    public record Validators(String etag, String lastModified, String next) {
        public Validators(String etag, String lastModified) {
            this(etag, lastModified, null);
        }
    }

    private final Map<String, Validators> committed = new ConcurrentHashMap<>();
    private final Map<String, Validators> staged = new ConcurrentHashMap<>();

    /** Validators from the last committed run. */
    public Validators get(String url) {
        return committed.get(url);
    }

    /** Stages validators learnt in the current run. */
    public void put(String url, Validators v) {
        if (v.etag() != null || v.lastModified() != null) staged.put(url, v);
    }

    public synchronized void commit() {
        committed.clear();
        committed.putAll(staged);
        staged.clear();
    }

    public void discard() {
        staged.clear();
    }

    public void clear() {
        committed.clear();
        staged.clear();
    }
}
