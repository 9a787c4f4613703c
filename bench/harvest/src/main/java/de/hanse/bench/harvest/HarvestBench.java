package de.hanse.bench.harvest;

import de.hanse.core.config.HarvestSourceConfig;
import de.hanse.core.http.OutboundHttp;
import de.hanse.core.store.NodeStore;
import de.hanse.core.vocab.Hanse;
import de.hanse.harvest.HarvestReport;
import de.hanse.harvest.HarvestService;
import de.hanse.harvest.Validators;
import de.hanse.harvest.source.PageSources;
import de.hanse.harvest.validate.RecordValidator;
import de.hanse.harvest.validate.ShaclRecordValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;

/**
 * The harvest benchmark of issue 3, in one JVM (run it with -Xmx512m): a generated catalogue of {@code -Dsize}
 * datasets, Hydra-paged at {@code -DpageSize}, served from loopback, harvested into a fresh on-disk TDB2 store:
 * first harvest; unchanged re-harvests with byte-identical pages, with conditional GET (304) and with pages that
 * differ in a comment only (every record parsed and hashed); a re-harvest with 1% changed and 1% removed; then
 * Jena's phased bulk loader (the default of {@code tdb2.tdbloader}) loading the same pages, and (unless
 * {@code -DquadLoader=false}) the quads the first harvest stored, into fresh TDB2 directories. What the re-harvests
 * wrote is checked against the store itself ({@link StoreFingerprint}), not only against the run report: the
 * unchanged ones nothing, the 1%/1% one exactly the changed and removed datasets' records. Prints a Markdown report.
 */
public final class HarvestBench {
    public static void main(String[] args) throws Exception {
        int size = Integer.getInteger("size", 100_000);
        int pageSize = Integer.getInteger("pageSize", 1000);
        long seed = Long.getLong("seed", 20260601L);
        String which = System.getProperty("validator", "standard");
        boolean quadLoader = Boolean.parseBoolean(System.getProperty("quadLoader", "true"));
        boolean firstOnly = "first".equals(System.getProperty("phases", "all")); // first harvest and loader only
        Path work = Files.createTempDirectory("hanse-bench-harvest");
        Report report = new Report(size, pageSize, which);
        CatalogueGenerator gen = new CatalogueGenerator(seed);
        HeapMeter heap = new HeapMeter();
        RecordValidator validator = switch (which) {
            case "none" -> RecordValidator.NONE;
            case "shacl" -> new ShaclRecordValidator();
            default -> Validators.standard();
        };
        report.validatorIsNone = validator == RecordValidator.NONE;
        TimedValidator timed = new TimedValidator(validator);
        Set<String> changed = new HashSet<>(), removed = new HashSet<>();
        try (CatalogueServer server = new CatalogueServer(gen, size, pageSize);
             NodeStore store = NodeStore.open(work.resolve("harvest-tdb2"));
             OutboundHttp http = new OutboundHttp(4);
             HarvestService service = new HarvestService(store, http, PageSources.standard(), timed, Clock.systemUTC())) {
            service.addListener((src, c, r) -> {
                changed.addAll(c);
                removed.addAll(r);
            });
            HarvestSourceConfig cfg = HarvestSourceConfig.dcat("bench", server.firstPage());
            server.conditional(true);

            report.first = phase(heap, timed, () -> service.run(cfg, false, progress()));
            check(report.first.report().added() == size, "first harvest added " + report.first.report().summary());
            long quadsStored = store.read(dsg -> { long n = 0; var it = dsg.find(); while (it.hasNext()) { it.next(); n++; } return n; });
            System.err.printf(Locale.ROOT, "  after the first harvest: %,d quads stored (%.1f per dataset), %,d MiB on disk%n",
                    quadsStored, (double) quadsStored / size, sizeOf(work.resolve("harvest-tdb2")) >> 20);

            if (Boolean.parseBoolean(System.getProperty("queries", "true")))
                report.querySide = QuerySide.measure(store, cfg.name(), QuerySide.sample(store, cfg.name()));

            // the store after the first harvest: dumped for the like-for-like loader, fingerprinted to check later runs
            Path quads = work.resolve("harvested.nq");
            StoreFingerprint afterFirst;
            if (quadLoader) {
                try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(quads), 1 << 20)) {
                    org.apache.jena.riot.system.StreamRDF nq = org.apache.jena.riot.system.StreamRDFWriter.getWriterStream(out, org.apache.jena.riot.Lang.NQUADS);
                    nq.start();
                    afterFirst = StoreFingerprint.of(store, nq::quad);
                    nq.finish();
                }
            } else {
                afterFirst = firstOnly ? null : StoreFingerprint.of(store, null);
            }
            report.firstQuads = afterFirst == null ? 0 : afterFirst.quads(); // not counted in a first-only run (a full scan)

            if (!firstOnly) {
                server.conditional(false);
                changed.clear();
                report.identical = phase(heap, timed, () -> service.run(cfg, false, null));
                check(report.identical.report().unchanged() == size && changed.isEmpty() && removed.isEmpty(),
                        "unchanged re-harvest, identical pages: " + report.identical.report().summary());

                server.conditional(true);
                report.notModified = phase(heap, timed, () -> service.run(cfg, false, null));
                check(report.notModified.report().unchanged() == size && server.notModified() == server.pages() && changed.isEmpty(),
                        "conditional re-harvest: " + report.notModified.report().summary() + ", 304s " + server.notModified());

                server.conditional(false);
                server.stamped(true);
                report.unchanged = phase(heap, timed, () -> service.run(cfg, false, null));
                check(report.unchanged.report().unchanged() == size && changed.isEmpty() && removed.isEmpty(),
                        "unchanged re-harvest, pages differ: " + report.unchanged.report().summary());

                StoreFingerprint beforeDelta = StoreFingerprint.of(store, null);
                StoreFingerprint.Diff none = beforeDelta.since(afterFirst);
                check(none.unitsChanged().isEmpty(), "the unchanged re-harvests changed the store: " + none.unitsChanged().size() + " units");
                afterFirst = null; // two fingerprints at a time at most

                Set<String> expectChanged = new HashSet<>(), expectRemoved = new HashSet<>();
                for (int i = 0; i < size; i++) {
                    if (gen.changed(i)) expectChanged.add(CatalogueGenerator.iri(i));
                    if (gen.removed(i)) expectRemoved.add(CatalogueGenerator.iri(i));
                }
                List<Node> touchedRecords = new ArrayList<>();
                for (String ds : expectChanged) touchedRecords.add(Hanse.recordGraph(cfg.name(), ds));
                for (String ds : expectRemoved) touchedRecords.add(Hanse.recordGraph(cfg.name(), ds));
                Set<Quad> quadsBefore = StoreFingerprint.quadsOf(store, touchedRecords);
                server.version(1);
                report.delta = phase(heap, timed, () -> service.run(cfg, false, null));
                HarvestReport d = report.delta.report();
                check(d.updated() == expectChanged.size() && d.deleted() == expectRemoved.size() && d.added() == 0
                        && d.unchanged() == size - expectChanged.size() - expectRemoved.size(), "delta re-harvest: " + d.summary());
                check(changed.equals(expectChanged) && removed.equals(expectRemoved),
                        "delta re-harvest reported other records than the changed/removed ones: " + changed.size() + "/" + removed.size());
                // the store itself: only units of the changed and removed datasets' records differ, and each of those did
                StoreFingerprint.Diff diff = StoreFingerprint.of(store, null).since(beforeDelta);
                Set<Long> allowed = new HashSet<>();
                for (String ds : expectChanged) {
                    Set<Long> units = StoreFingerprint.recordUnits(Hanse.recordGraph(cfg.name(), ds));
                    allowed.addAll(units);
                    check(units.stream().anyMatch(diff.unitsChanged()::contains), "delta re-harvest did not write changed dataset " + ds);
                }
                for (String ds : expectRemoved) {
                    Set<Long> units = StoreFingerprint.recordUnits(Hanse.recordGraph(cfg.name(), ds));
                    allowed.addAll(units);
                    check(units.stream().anyMatch(diff.unitsChanged()::contains), "delta re-harvest did not delete removed dataset " + ds);
                }
                check(allowed.containsAll(diff.unitsChanged()), "delta re-harvest wrote units of other records: "
                        + diff.unitsChanged().stream().filter(u -> !allowed.contains(u)).count());
                report.deltaDiff = diff;
                Set<Quad> quadsAfter = StoreFingerprint.quadsOf(store, touchedRecords);
                report.deltaQuadsRemoved = quadsBefore.stream().filter(q -> !quadsAfter.contains(q)).count();
                report.deltaQuadsAdded = quadsAfter.stream().filter(q -> !quadsBefore.contains(q)).count();
                report.expectChanged = expectChanged.size();
                report.expectRemoved = expectRemoved.size();
            }

            // the phased loader needs more than -Xmx512m beyond ~10,000 datasets: -Dloader=false leaves it to
            // LoaderBaseline's own JVM (same pages)
            if (Boolean.parseBoolean(System.getProperty("loader", "true"))) report.loader = LoaderBaseline.run(server, work, heap);
            if (quadLoader) report.quadLoader = LoaderBaseline.runQuads(quads, work, heap);
        } finally {
            deleteTree(work);
        }
        System.out.println(report.markdown());
    }

    private static de.hanse.harvest.pipeline.HarvestRun.Progress progress() {
        long start = System.nanoTime();
        return (pages, datasets, bytes) -> {
            if (pages % 10 == 0) System.err.printf(Locale.ROOT, "  page %d, %d datasets, %.0f datasets/s%n", pages, datasets,
                    datasets / ((System.nanoTime() - start) / 1e9));
        };
    }

    /**
     * One harvest: wall and process CPU time, the CPU time of the harvest's own thread (diff, write, commit; the
     * reader thread fetches, parses, hashes and validates one page ahead) and of validation, and the heap.
     */
    record Phase(HarvestReport report, double seconds, double cpuSeconds, double writeCpuSeconds, double validateCpuSeconds,
                 long validations, long peakHeap, long maxAfterGc, String cpuSplit) {}

    private static Phase phase(HeapMeter heap, TimedValidator timed, java.util.function.Supplier<HarvestReport> run) {
        heap.reset();
        long v0 = timed.cpuNanos(), n0 = timed.calls();
        long c0 = cpuNanos();
        CpuSplit split = CpuSplit.start();
        long w0 = THREADS.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        HarvestReport r = run.get();
        double s = (System.nanoTime() - t0) / 1e9;
        double write = (THREADS.getCurrentThreadCpuTime() - w0) / 1e9;
        double cpu = (cpuNanos() - c0) / 1e9;
        String where = split.stop();
        check(r.succeeded(), "run failed: " + r.summary());
        System.err.println("  " + r.summary());
        System.err.println("  CPU: " + where);
        return new Phase(r, s, cpu, write, (timed.cpuNanos() - v0) / 1e9, timed.calls() - n0, heap.peakBytes(), heap.maxAfterGcBytes(), where);
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    /** The configured validator, with the CPU time of its calls counted (on whichever thread calls it). */
    static final class TimedValidator implements RecordValidator {
        private final RecordValidator inner;
        private final java.util.concurrent.atomic.AtomicLong cpu = new java.util.concurrent.atomic.AtomicLong();
        private final java.util.concurrent.atomic.AtomicLong calls = new java.util.concurrent.atomic.AtomicLong();

        TimedValidator(RecordValidator inner) {
            this.inner = inner;
        }

        @Override
        public ValidationResult validate(org.apache.jena.graph.Graph record, org.apache.jena.graph.Node dataset, org.apache.jena.graph.Node report) {
            long c0 = THREADS.getCurrentThreadCpuTime();
            try {
                return inner.validate(record, dataset, report);
            } finally {
                cpu.addAndGet(THREADS.getCurrentThreadCpuTime() - c0);
                calls.incrementAndGet();
            }
        }

        long cpuNanos() {
            return cpu.get();
        }

        long calls() {
            return calls.get();
        }
    }

    /** CPU time of the whole process (harvest, loopback server, GC): the machine is shared, so wall time alone misleads. */
    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static void check(boolean ok, String what) {
        if (!ok) throw new AssertionError(what);
    }

    static long sizeOf(Path p) throws java.io.IOException {
        try (var s = Files.walk(p)) {
            return s.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    static void deleteTree(Path p) throws java.io.IOException {
        if (!Files.exists(p)) return;
        try (var s = Files.walk(p)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
