package de.hanse.harvest;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of one harvest run of one source. Immutable.
 *
 * @param id        run id
 * @param source    source name
 * @param status    {@code SUCCEEDED}, {@code FAILED} (nothing was changed) or {@code RUNNING}
 * @param error     why the run failed, or null
 * @param warnings  things an operator should know (e.g. deletion skipped by the shrink guard)
 * @param recordErrors problems with single records: {@code iri} and {@code reason} (at most 100 kept)
 */
public record HarvestReport(String id, String source, String status, Instant startedAt, Instant endedAt, int pages,
                            int added, int updated, int unchanged, int deleted, int rejected, int invalid,
                            String error, List<String> warnings, List<RecordError> recordErrors) {

    public record RecordError(String iri, String reason) {}

    public boolean succeeded() {
        return "SUCCEEDED".equals(status);
    }

    public int seen() {
        return added + updated + unchanged;
    }

    public double seconds() {
        return endedAt == null ? 0 : (endedAt.toEpochMilli() - startedAt.toEpochMilli()) / 1000.0;
    }

    /** One line for logs and the CLI. */
    public String summary() {
        String counts = "added " + added + ", updated " + updated + ", unchanged " + unchanged + ", deleted " + deleted
                + ", rejected " + rejected + (invalid > 0 ? ", invalid (stored, flagged) " + invalid : "");
        return source + ": " + status + " in " + String.format(java.util.Locale.ROOT, "%.1f s", seconds()) + ", " + pages + " pages, " + counts
                + (error != null ? "; error: " + error : "") + (warnings.isEmpty() ? "" : "; " + String.join("; ", warnings));
    }
}
