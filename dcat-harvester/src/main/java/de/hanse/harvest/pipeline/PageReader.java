package de.hanse.harvest.pipeline;

import de.hanse.harvest.HarvestException;
import de.hanse.harvest.source.Page;
import de.hanse.harvest.source.PageSource;
import de.hanse.harvest.validate.RecordValidator.ValidationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.SynchronousQueue;
import java.util.function.Supplier;

/**
 * Reads a run's pages one page ahead on a thread of its own: fetch, parse, cut into records and prepare each with a
 * {@link Lookahead} (hash, stored hash, validation), while the run's thread writes the page before. Every write
 * stays on the run's thread (TDB2 transactions belong to a thread); the lookahead reads in a read transaction of its
 * own on the reader's thread, which sees the store as it was before the run. Pages are handed over through a {@link SynchronousQueue}, so at most two
 * pages are in memory: the one being written and the one being read. A failure on the reader's side reaches the
 * run's thread as the exception it was; {@link #close()} stops the reader (interrupting a fetch) and waits for it.
 * One reader per run; {@link #next()} is called from one thread.
 */
final class PageReader implements AutoCloseable {
    /**
     * A record cut from a page, prepared: its canonical hash, what the store held for it before the run and, when
     * the hash differs, its validation result; for a rejection only {@code extracted}.
     */
    record Item(RecordExtractor.Extracted extracted, String hash, RecordStore.Stored stored, ValidationResult quality) {}

    /** Prepares records on the reader's thread; obtained and closed on that thread. */
    interface Lookahead extends AutoCloseable {
        Item prepare(RecordExtractor.Extracted x);

        @Override
        void close();
    }

    /** One page, ready to write; {@code notModified} pages carry no items. */
    record Prepared(int number, String url, long bytes, boolean notModified, List<Item> items) {}

    private static final Object END = new Object();
    private static final long JOIN_MILLIS = 10_000;

    private final SynchronousQueue<Object> handoff = new SynchronousQueue<>();
    private final Thread thread;
    private volatile boolean stopped;
    private boolean ended;

    PageReader(PageSource source, RecordExtractor extractor, Supplier<Lookahead> lookahead, String name) {
        thread = new Thread(() -> read(source, extractor, lookahead), "hanse-harvest-read-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    private void read(PageSource source, RecordExtractor extractor, Supplier<Lookahead> lookahead) {
        Object out;
        try (Lookahead ahead = lookahead.get()) {
            Page page;
            while (!stopped && (page = source.next()) != null) {
                List<Item> items = new ArrayList<>();
                if (!page.notModified())
                    for (RecordExtractor.Extracted x : extractor.extract(page.graph())) items.add(ahead.prepare(x));
                Prepared p = new Prepared(page.number(), page.url(), page.bytes(), page.notModified(), items);
                page = null; // the page graph is not needed any more: only the records go on
                handoff.put(p);
            }
            out = END;
        } catch (InterruptedException e) {
            return; // closed by the run
        } catch (HarvestException | RuntimeException | Error e) {
            out = e;
        }
        try {
            if (!stopped) handoff.put(out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The next page, or {@code null} after the last; rethrows what the reader failed with. */
    Prepared next() throws HarvestException {
        if (ended) return null;
        Object o;
        try {
            o = handoff.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HarvestException("interrupted while waiting for the next page", e);
        }
        if (o == END) {
            ended = true;
            return null;
        }
        if (o instanceof HarvestException e) throw e;
        if (o instanceof RuntimeException e) throw e;
        if (o instanceof Error e) throw e;
        return (Prepared) o;
    }

    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
        handoff.poll(); // lets a reader blocked in put() go
        try {
            thread.join(JOIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
