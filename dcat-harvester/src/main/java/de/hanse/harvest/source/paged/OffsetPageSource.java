package de.hanse.harvest.source.paged;

import de.hanse.harvest.HarvestContext;
import de.hanse.harvest.HarvestException;
import de.hanse.harvest.fetch.Fetched;
import de.hanse.harvest.source.Page;
import de.hanse.harvest.source.PageSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.Set;
import org.apache.jena.graph.Graph;

/**
 * Paging by position (CKAN {@code start}, SPARQL {@code OFFSET}, CSW {@code startPosition}) shared by the API
 * sources: one request per page, the page mapped to DCAT-AP by the subclass, and the same guards as the Hydra
 * source: the page cap ({@code maxPages}), the run deadline, and a loop guard that fails the run when a page's
 * body repeats an earlier page (a server that ignores the offset would otherwise be read until the cap).
 * Not thread-safe: one run reads it from one thread.
 */
public abstract class OffsetPageSource implements PageSource {

    /** One mapped page: its graph, how many records it held, and where the next page starts (-1: no more). */
    public record Batch(Graph graph, int records, long nextPosition) {}

    private final HarvestContext ctx;
    private final int maxPages;
    private final Set<String> seenBodies = new HashSet<>();
    private long position;
    private int number;
    private boolean done;

    protected OffsetPageSource(HarvestContext ctx, int maxPages, long firstPosition) {
        this.ctx = ctx;
        this.maxPages = maxPages;
        this.position = firstPosition;
    }

    protected HarvestContext ctx() {
        return ctx;
    }

    /** Fetches the page that starts at {@code position}. */
    protected abstract Fetched fetch(long position) throws HarvestException;

    /** Maps a fetched page to DCAT-AP triples; {@code position} is where it started. */
    protected abstract Batch map(Fetched page, long position) throws HarvestException;

    /** The URL recorded as the page's provenance. */
    protected abstract String pageUrl(long position);

    @Override
    public final Page next() throws HarvestException {
        if (done) return null;
        if (ctx.call().expired()) throw new HarvestException("run time limit reached after " + number + " pages");
        long start = position;
        Fetched f = fetch(start);
        if (!seenBodies.add(digest(f.body())))
            throw new HarvestException("page loop: the page at position " + start + " of " + pageUrl(start) + " repeats an earlier page");
        Batch b = map(f, start);
        if (b.records() == 0) {
            done = true;
            return null;
        }
        // checked after the fetch: one fetch past the cap may be the empty page that ends the source
        if (++number > maxPages)
            throw new HarvestException("source has more than " + maxPages + " pages (maxPages); refusing an incomplete harvest");
        if (b.nextPosition() >= 0 && b.nextPosition() <= start)
            throw new HarvestException("page loop: the page at position " + start + " of " + pageUrl(start) + " points back to position " + b.nextPosition());
        if (b.nextPosition() < 0) done = true;
        else position = b.nextPosition();
        return new Page(number, pageUrl(start), b.graph(), f.body().length, false);
    }

    private static String digest(byte[] body) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
