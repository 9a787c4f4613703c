package de.hanse.harvest.pipeline;

import de.hanse.core.config.HarvestSourceConfig;
import de.hanse.core.store.NodeStore;
import de.hanse.core.store.remote.RemotePublisher;
import de.hanse.core.store.remote.SparqlHttp;
import de.hanse.core.vocab.Hanse;
import de.hanse.harvest.HarvestContext;
import de.hanse.harvest.HarvestException;
import de.hanse.harvest.HarvestReport;
import de.hanse.harvest.HarvestReport.RecordError;
import de.hanse.harvest.source.PageSource;
import de.hanse.harvest.source.PageSources;
import de.hanse.harvest.source.paged.SourceOptions;
import de.hanse.harvest.validate.RecordValidator;
import de.hanse.harvest.validate.RecordValidator.ValidationResult;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * One run of one source: fetch → parse → cut into records → hash → (validate) → diff → write, then delete what the
 * source no longer has. Fetch to validate run one page ahead on a reader thread ({@link PageReader}, reading the
 * store as it was before the run); diff and every write on the calling thread. The whole run is one TDB2 write transaction: it commits only after a complete gather, and
 * any failure (unreachable source, HTTP error, unparseable page, page loop, cap exceeded, time limit, kill -9)
 * leaves the store exactly as it was. Unchanged records (same canonical hash) are not rewritten. Deletion is the
 * set difference stored − seen, and is skipped with a warning when it would remove more than {@code maxShrink}
 * of the source, unless forced. Just before the local commit the store's {@link de.hanse.core.store.WriteGate} sees
 * every unit the run touched (with a remote store: publishes them, fenced, all or nothing; a failure there aborts
 * the local transaction as well). Not thread-safe: the service runs one at a time per source.
 */
public final class HarvestRun {
    /** Called after each page, on the harvest thread. */
    public interface Progress {
        void page(int pages, int datasets, long bytes);
    }

    private static final int MAX_RECORD_ERRORS = 100;
    private static final int MAX_RECORD_TRIPLES = 20_000;

    private final String id;
    private final HarvestSourceConfig source;
    private final NodeStore store;
    private final PageSources sources;
    private final RecordValidator validator;
    /** The run's context; an incremental run narrows it to what changed since the previous run. */
    private HarvestContext ctx;
    private final Clock clock;
    private final boolean force;
    /** A CKAN source with {@code #incremental=true}: runs may ask only for what changed (see {@link #incrementalSince}). */
    private final boolean incremental;
    private final Progress progress;
    private final RecordExtractor extractor = new RecordExtractor(MAX_RECORD_TRIPLES);
    /** Quads of the current page's new records, written together at the end of the page. */
    private final NewQuads newQuads = new NewQuads();

    private int pages, added, updated, unchanged, deleted, rejected, invalid;
    private long bytes;
    private boolean deletionSkipped;
    private final List<String> warnings = new ArrayList<>();
    private final List<RecordError> recordErrors = new ArrayList<>();
    private final Set<String> changed = new HashSet<>();
    private final Set<String> removed = new HashSet<>();
    /** Every record (and the source description) this run wrote, moved or deleted: what the store's gate publishes. */
    private final Set<Node> units = new java.util.LinkedHashSet<>();

    public HarvestRun(String id, HarvestSourceConfig source, NodeStore store, PageSources sources, RecordValidator validator,
                      HarvestContext ctx, Clock clock, boolean force, Progress progress) {
        this.id = id;
        this.source = source;
        this.store = store;
        this.sources = sources;
        this.validator = validator;
        this.ctx = ctx;
        this.clock = clock;
        this.force = force;
        this.incremental = "ckan".equals(source.type())
                && Boolean.parseBoolean(SourceOptions.parse(source.url()).get("incremental", "false"));
        this.progress = progress;
    }

    public Set<String> changedDatasets() {
        return changed;
    }

    public Set<String> removedDatasets() {
        return removed;
    }

    public HarvestReport execute() {
        Instant start = clock.instant();
        String error = null;
        String refusal = store.gate().refusal();
        if (refusal != null)
            return new HarvestReport(id, source.name(), "FAILED", start, clock.instant(), 0, 0, 0, 0, 0, 0, 0, refusal, List.of(), List.of());
        boolean committed = false;
        store.dataset().begin(TxnType.WRITE);
        try {
            DatasetGraph dsg = store.datasetGraph();
            Instant since = incrementalSince(dsg, start);
            if (since != null) ctx = ctx.withModifiedSince(since);
            Set<Node> seen = gather(dsg);
            if (since == null) sweep(dsg, seen);
            else warnings.add("incremental run: only packages modified since " + since + " were read; deletions are checked by the next full run");
            Instant lastFull = since == null ? start : RecordStore.sourceInstant(dsg, source.name(), Hanse.lastFullGather);
            RecordStore.describeSource(dsg, source.name(), source.url(), source.priority());
            // only incremental sources keep run instants in the store: for the others an unchanged run writes nothing
            if (incremental) RecordStore.markGathered(dsg, source.name(), start, lastFull);
            units.add(Hanse.sourceNode(source.name()));
            store.gate().beforeCommit(id, dsg, units);
            store.dataset().commit();
            committed = true;
            store.gate().afterCommit(id);
            // records kept by the shrink guard are no longer on the pages their provenance names: a 304 (or an
            // identical page) must not vouch for them next time, so the next run reads every page in full
            if (deletionSkipped) ctx.validators().clear();
            else ctx.validators().commit();
        } catch (HarvestException e) {
            error = e.getMessage();
        } catch (RemotePublisher.FencedException | SparqlHttp.StoreUnavailableException e) {
            error = "not published, nothing changed: " + e.getMessage();
        } catch (RuntimeException e) {
            error = "unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage();
            org.slf4j.LoggerFactory.getLogger(HarvestRun.class).warn("harvest {} of {} failed", id, source.name(), e);
        } finally {
            if (!committed && store.dataset().isInTransaction()) store.dataset().abort();
            store.dataset().end();
        }
        if (error != null) {
            ctx.validators().discard();
            changed.clear();
            removed.clear();
            return new HarvestReport(id, source.name(), "FAILED", start, clock.instant(), pages, 0, 0, 0, 0, 0, 0, error, List.of(),
                    List.copyOf(recordErrors));
        }
        return new HarvestReport(id, source.name(), "SUCCEEDED", start, clock.instant(), pages, added, updated, unchanged,
                deleted, rejected, invalid, null, List.copyOf(warnings), List.copyOf(recordErrors));
    }

    private Set<Node> gather(DatasetGraph dsg) throws HarvestException {
        Set<Node> seen = new HashSet<>();
        try (PageSource pagesIn = sources.open(source, ctx); PageReader reader = new PageReader(pagesIn, extractor, this::lookahead, source.name())) {
            PageReader.Prepared page;
            while ((page = reader.next()) != null) {
                pages++;
                bytes += page.bytes();
                if (page.notModified()) {
                    for (Node r : RecordStore.recordsFromPage(dsg, source.name(), page.url()))
                        if (seen.add(r)) unchanged++;
                } else {
                    for (PageReader.Item item : page.items()) {
                        RecordExtractor.Extracted x = item.extracted();
                        if (x.rejected()) {
                            rejected++;
                            recordError(x.rejectedId(), x.reason());
                        } else {
                            apply(dsg, item, page.url(), seen);
                        }
                    }
                    newQuads.flush(dsg);
                }
                if (progress != null) progress.page(pages, added + updated + unchanged, bytes);
                if (ctx.call().expired()) throw new HarvestException("run time limit of " + source.maxRunTime() + " reached after " + pages + " pages");
            }
        }
        return seen;
    }

    /** On the reader's thread: hash, look up the stored version (as before the run) and validate if changed. */
    private PageReader.Lookahead lookahead() {
        store.dataset().begin(TxnType.READ);
        DatasetGraph before = store.datasetGraph();
        return new PageReader.Lookahead() {
            @Override
            public PageReader.Item prepare(RecordExtractor.Extracted x) {
                if (x.rejected()) return new PageReader.Item(x, null, null, null);
                DatasetRecord rec = x.record();
                Node record = Hanse.recordGraph(source.name(), rec.key());
                String hash = CanonicalHash.of(rec.graph());
                RecordStore.Stored stored = RecordStore.stored(before, record);
                ValidationResult quality = hash.equals(stored.hash()) || !source.validate() ? ValidationResult.CONFORMS
                        : validator.validate(rec.graph(), rec.dataset(), RecordStore.qualityGraph(record));
                return new PageReader.Item(x, hash, stored, quality);
            }

            @Override
            public void close() {
                store.dataset().end();
            }
        };
    }

    private void apply(DatasetGraph dsg, PageReader.Item item, String pageUrl, Set<Node> seen) {
        DatasetRecord rec = item.extracted().record();
        Node record = Hanse.recordGraph(source.name(), rec.key());
        if (!seen.add(record)) return; // the same dataset twice in one gather: the first occurrence wins
        RecordStore.Stored stored = item.stored();
        String hash = item.hash();
        String old = stored.hash();
        if (hash.equals(old)) {
            unchanged++;
            if (RecordStore.movePage(dsg, record, stored, pageUrl)) units.add(record);
            return;
        }
        ValidationResult quality = item.quality();
        if (!quality.conforms()) {
            if (source.rejectInvalid()) {
                rejected++;
                recordError(rec.dataset().getURI(), "violates DCAT-AP shapes: " + String.join("; ", quality.firstProblems()));
                return; // the previous version, if any, stays
            }
            invalid++;
        }
        if (stored == RecordStore.Stored.NONE) // not stored before the run, not seen before in it: nothing to diff against
            newQuads.addAll(RecordStore.quads(source.name(), record, rec, pageUrl, hash, clock.instant(), quality, null));
        else RecordStore.write(dsg, source.name(), record, rec, pageUrl, hash, clock.instant(), quality);
        units.add(record);
        changed.add(rec.dataset().getURI());
        if (old == null) added++;
        else updated++;
    }

    /** How far back an incremental run looks beyond the previous run's start: clocks of node and portal differ. */
    static final java.time.Duration INCREMENTAL_OVERLAP = java.time.Duration.ofMinutes(5);

    /**
     * For a CKAN source with {@code incremental=true}: the instant from which to ask for modified packages, or null
     * for a complete gather (the first run, a forced run, or when the last complete gather is older than
     * {@code fullEvery}, default one day; only complete gathers delete what vanished from the source).
     */
    private Instant incrementalSince(DatasetGraph dsg, Instant now) throws HarvestException {
        if (force || !incremental) return null;
        var options = SourceOptions.parse(source.url());
        java.time.Duration fullEvery;
        try {
            fullEvery = java.time.Duration.parse(options.get("fullEvery", "P1D"));
        } catch (java.time.format.DateTimeParseException e) {
            throw new HarvestException("source option fullEvery '" + options.get("fullEvery", "") + "' is not an ISO-8601 duration such as P1D or PT6H");
        }
        Instant last = RecordStore.sourceInstant(dsg, source.name(), Hanse.lastGathered);
        Instant full = RecordStore.sourceInstant(dsg, source.name(), Hanse.lastFullGather);
        if (last == null || full == null || !now.isBefore(full.plus(fullEvery))) return null;
        return last.minus(INCREMENTAL_OVERLAP);
    }

    private void sweep(DatasetGraph dsg, Set<Node> seen) {
        List<Node> stored = RecordStore.recordsOf(dsg, source.name());
        List<Node> gone = stored.stream().filter(r -> !seen.contains(r)).toList();
        if (gone.isEmpty()) return;
        double share = (double) gone.size() / stored.size();
        if (share > source.maxShrink() && !force) {
            warnings.add(String.format(java.util.Locale.ROOT,
                    "deletion skipped: the source shrank by %d of %d records (%.0f%%), more than maxShrink %.0f%%; run with force to delete",
                    gone.size(), stored.size(), share * 100, source.maxShrink() * 100));
            deletionSkipped = true;
            return;
        }
        for (Node r : gone) {
            Node ds = RecordStore.firstObject(dsg, Hanse.META, r, de.hanse.core.vocab.Vocab.FOAF_primaryTopic);
            if (ds != null && ds.isURI()) removed.add(ds.getURI());
            RecordStore.delete(dsg, r);
            units.add(r);
            deleted++;
        }
    }

    private void recordError(String iri, String reason) {
        if (recordErrors.size() < MAX_RECORD_ERRORS) recordErrors.add(new RecordError(iri, reason));
    }
}
