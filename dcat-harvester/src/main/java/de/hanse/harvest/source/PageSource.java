package de.hanse.harvest.source;

import de.hanse.harvest.HarvestException;

/**
 * The pages of one harvest run of one source, fetched lazily one at a time so a catalogue is never held in memory
 * whole. Not thread-safe: one run reads it from one thread. Implementations enforce the source's caps (pages per
 * run, bytes per page) and guard against page loops, failing with a {@link HarvestException} that says why.
 */
public interface PageSource extends AutoCloseable {

    /** The next page, or {@code null} when the source has no more. */
    Page next() throws HarvestException;

    @Override
    default void close() {}
}
