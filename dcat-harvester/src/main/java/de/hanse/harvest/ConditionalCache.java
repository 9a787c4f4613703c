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
    /**
     * Validators for one URL; any may be null. {@code next} is the page's next-page link, if any; {@code bodyHash} a
     * digest of the page as fetched, so a byte-identical page is known unchanged even when the server sends no
     * ETag or Last-Modified.
     */
    public record Validators(String etag, String lastModified, String next, String bodyHash) {
        public Validators(String etag, String lastModified) {
            this(etag, lastModified, null, null);
        }

        public Validators(String etag, String lastModified, String next) {
            this(etag, lastModified, next, null);
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
        if (v.etag() != null || v.lastModified() != null || v.bodyHash() != null) staged.put(url, v);
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
