package de.hanse.harvest;

import de.hanse.core.config.HarvestSourceConfig;
import de.hanse.core.http.CallContext;
import de.hanse.core.http.OutboundHttp;
import de.hanse.core.metrics.HarvestMetrics;
import de.hanse.core.store.NodeStore;
import de.hanse.harvest.fetch.Fetcher;
import de.hanse.harvest.pipeline.CatalogueListener;
import de.hanse.harvest.pipeline.HarvestRun;
import de.hanse.harvest.source.PageSources;
import de.hanse.harvest.validate.RecordValidator;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs harvests: at most one run per source at a time (a second request is refused, not queued behind a stuck
 * one), at most {@value #WORKERS} runs in the background, each bounded by its source's caps and run time. Keeps
 * the last {@value #HISTORY} run reports and the conditional-GET validators per source. Tells
 * {@link CatalogueListener}s after each successful run, and {@link HarvestMetrics} after every run (outcome, duration,
 * record counts by change; a refused run as {@code refused}). Thread-safe.
 */
public final class HarvestService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HarvestService.class);
    private static final int WORKERS = 2;
    private static final int HISTORY = 500;

    /** A run of this source is already in progress. */
    public static final class AlreadyRunningException extends RuntimeException {
        public AlreadyRunningException(String source) {
            super("a harvest of source '" + source + "' is already running");
        }
    }

    private final NodeStore store;
    private final OutboundHttp http;
    private final PageSources sources;
    private final RecordValidator validator;
    private final Clock clock;
    private final HarvestMetrics metrics;
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final Map<String, ConditionalCache> conditional = new ConcurrentHashMap<>();
    private final Map<String, HarvestReport> runs = java.util.Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, HarvestReport> e) {
            return size() > HISTORY;
        }
    });
    private final List<CatalogueListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong counter = new AtomicLong();
    private final ExecutorService workers = new ThreadPoolExecutor(WORKERS, WORKERS, 1, TimeUnit.MINUTES,
            new LinkedBlockingQueue<>(100), r -> {
                Thread t = new Thread(r, "hanse-harvest");
                t.setDaemon(true);
                return t;
            });

    public HarvestService(NodeStore store, OutboundHttp http, PageSources sources, RecordValidator validator, Clock clock) {
        this(store, http, sources, validator, clock, null);
    }

    /** @param metrics where runs and record counts per source are reported; null for none (CLI, tests) */
    public HarvestService(NodeStore store, OutboundHttp http, PageSources sources, RecordValidator validator, Clock clock,
                          HarvestMetrics metrics) {
        this.metrics = metrics;
        this.store = store;
        this.http = http;
        this.sources = sources;
        this.validator = validator;
        this.clock = clock;
    }

    /** Why this node may not harvest at all (a read replica of a remote store), or {@code null}. */
    public String refusal() {
        return store.gate().refusal();
    }

    public void addListener(CatalogueListener l) {
        listeners.add(l);
    }

    /** Runs one harvest of {@code source} on the calling thread. */
    public HarvestReport run(HarvestSourceConfig source, boolean force, HarvestRun.Progress progress) {
        ReentrantLock lock = locks.computeIfAbsent(source.name(), k -> new ReentrantLock());
        if (!lock.tryLock()) throw refused(source);
        try {
            return runLocked(newRunId(), source, force, progress);
        } finally {
            lock.unlock();
        }
    }

    /** Starts a run in the background and returns its id at once; its report is at {@link #report(String)}. */
    public String start(HarvestSourceConfig source, boolean force) {
        ReentrantLock lock = locks.computeIfAbsent(source.name(), k -> new ReentrantLock());
        if (lock.isLocked()) throw refused(source);
        String id = newRunId();
        runs.put(id, new HarvestReport(id, source.name(), "RUNNING", clock.instant(), null, 0, 0, 0, 0, 0, 0, 0, null, List.of(), List.of()));
        workers.execute(() -> {
            if (!lock.tryLock()) {
                if (metrics != null) metrics.run(source.name(), "refused", Duration.ZERO);
                runs.put(id, failed(id, source, "a harvest of this source was already running"));
                return;
            }
            try {
                runLocked(id, source, force, null);
            } catch (RuntimeException e) {
                HarvestReport failed = failed(id, source, e.toString());
                runs.put(id, failed);
                record(failed);
            } finally {
                lock.unlock();
            }
        });
        return id;
    }

    private AlreadyRunningException refused(HarvestSourceConfig source) {
        if (metrics != null) metrics.run(source.name(), "refused", Duration.ZERO);
        return new AlreadyRunningException(source.name());
    }

    /** Reports a finished run: its outcome and duration, and on success its record counts by change. */
    private void record(HarvestReport r) {
        if (metrics == null) return;
        metrics.run(r.source(), r.succeeded() ? "success" : "failed", Duration.ofMillis(Math.round(r.seconds() * 1000)));
        if (!r.succeeded()) return;
        metrics.records(r.source(), "added", r.added());
        metrics.records(r.source(), "updated", r.updated());
        metrics.records(r.source(), "unchanged", r.unchanged());
        metrics.records(r.source(), "deleted", r.deleted());
        metrics.records(r.source(), "rejected", r.rejected());
        metrics.records(r.source(), "invalid", r.invalid());
    }

    private HarvestReport failed(String id, HarvestSourceConfig source, String why) {
        return new HarvestReport(id, source.name(), "FAILED", clock.instant(), clock.instant(), 0, 0, 0, 0, 0, 0, 0, why, List.of(), List.of());
    }

    private HarvestReport runLocked(String id, HarvestSourceConfig source, boolean force, HarvestRun.Progress progress) {
        ConditionalCache cache = conditional.computeIfAbsent(source.name(), k -> new ConditionalCache());
        Duration perRequest = Duration.ofMinutes(2).compareTo(source.maxRunTime()) < 0 ? Duration.ofMinutes(2) : source.maxRunTime();
        HarvestContext ctx = new HarvestContext(http, CallContext.forUrl(source.maxRunTime()).tagged(source.name(), "harvest-fetch"),
                new Fetcher(http, source.maxPageBytes(), perRequest), cache);
        HarvestRun run = new HarvestRun(id, source, store, sources, validator, ctx, clock, force, progress);
        HarvestReport report = run.execute();
        runs.put(id, report);
        record(report);
        LOG.info("harvest {} {}", id, report.summary());
        if (report.succeeded() && (!run.changedDatasets().isEmpty() || !run.removedDatasets().isEmpty())) {
            for (CatalogueListener l : listeners) {
                try {
                    l.recordsChanged(source.name(), run.changedDatasets(), run.removedDatasets());
                } catch (RuntimeException e) {
                    LOG.warn("catalogue listener {} failed after harvest {}: {}", l, id, e.toString());
                }
            }
        }
        return report;
    }

    private String newRunId() {
        return clock.instant().toEpochMilli() + "-" + counter.incrementAndGet();
    }

    public Optional<HarvestReport> report(String id) {
        return Optional.ofNullable(runs.get(id));
    }

    /** Reports, newest last. */
    public Collection<HarvestReport> reports() {
        synchronized (runs) {
            return List.copyOf(runs.values());
        }
    }

    public Optional<HarvestReport> lastReport(String source) {
        synchronized (runs) {
            HarvestReport last = null;
            for (HarvestReport r : runs.values()) if (r.source().equals(source)) last = r;
            return Optional.ofNullable(last);
        }
    }

    public boolean running(String source) {
        ReentrantLock l = locks.get(source);
        return l != null && l.isLocked();
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
