package de.hanse.node.cli;

import de.hanse.harvest.pipeline.HarvestRun;
import java.io.PrintStream;
import java.util.Locale;

/** A one-line progress display for harvests: pages, datasets, datasets/s, MiB; redrawn in place on a terminal. */
final class Progress implements HarvestRun.Progress {
    private final PrintStream out;
    private final String label;
    private final boolean terminal;
    private final long start = System.nanoTime();

    Progress(PrintStream out, String label) {
        this.out = out;
        this.label = label;
        this.terminal = System.console() != null;
    }

    @Override
    public void page(int pages, int datasets, long bytes) {
        if (!terminal) return;
        double secs = Math.max(0.001, (System.nanoTime() - start) / 1e9);
        out.printf(Locale.ROOT, "\r%s: %d pages, %d datasets, %.0f datasets/s, %.1f MiB   ", label, pages, datasets, datasets / secs, bytes / 1048576.0);
        out.flush();
    }

    void done() {
        if (terminal) out.println();
    }
}
