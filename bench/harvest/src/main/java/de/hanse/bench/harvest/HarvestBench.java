package de.hanse.bench.harvest;

import de.hanse.core.config.HarvestSourceConfig;
import de.hanse.core.http.OutboundHttp;
import de.hanse.core.store.NodeStore;
import de.hanse.harvest.HarvestReport;
import de.hanse.harvest.HarvestService;
import de.hanse.harvest.Validators;
import de.hanse.harvest.source.PageSources;
import de.hanse.harvest.validate.RecordValidator;
import de.hanse.harvest.validate.ShaclRecordValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The harvest benchmark of issue 3, in one JVM (run it with -Xmx512m): a generated catalogue of {@code -Dsize}
 * datasets, Hydra-paged at {@code -DpageSize}, served from loopback, harvested into a fresh on-disk TDB2 store:
 * first harvest; unchanged re-harvests with byte-identical pages, with conditional GET (304) and with pages that
 * differ in a comment only (every record parsed and hashed); a re-harvest with 1% changed and 1% removed
 * (asserting exactly those are written); then Jena's phased bulk loader (the default of {@code tdb2.tdbloader})
 * loading the same pages, and the quads the first harvest stored, into fresh TDB2 directories. Prints a Markdown
 * report.
 */
public final class HarvestBench {
    public static void main(String[] args) throws Exception {
        int size = Integer.getInteger("size", 100_000);
        int pageSize = Integer.getInteger("pageSize", 1000);
        long seed = Long.getLong("seed", 20260601L);
        String which = System.getProperty("validator", "standard");
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
        Set<String> changed = new HashSet<>(), removed = new HashSet<>();
        try (CatalogueServer server = new CatalogueServer(gen, size, pageSize);
             NodeStore store = NodeStore.open(work.resolve("harvest-tdb2"));
             OutboundHttp http = new OutboundHttp(4);
             HarvestService service = new HarvestService(store, http, PageSources.standard(), validator, Clock.systemUTC())) {
            service.addListener((src, c, r) -> {
                changed.addAll(c);
                removed.addAll(r);
            });
            HarvestSourceConfig cfg = HarvestSourceConfig.dcat("bench", server.firstPage());
            server.conditional(true);

            report.first = phase(heap, () -> service.run(cfg, false, progress()));
            check(report.first.report().added() == size, "first harvest added " + report.first.report().summary());

            Path quads = work.resolve("harvested.nq");
            store.read(dsg -> {
                try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(quads), 1 << 20)) {
                    org.apache.jena.riot.RDFDataMgr.write(out, dsg, org.apache.jena.riot.Lang.NQUADS);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return null;
            });

            server.conditional(false);
            changed.clear();
            report.identical = phase(heap, () -> service.run(cfg, false, null));
            check(report.identical.report().unchanged() == size && changed.isEmpty() && removed.isEmpty(),
                    "unchanged re-harvest, identical pages: " + report.identical.report().summary());

            server.conditional(true);
            report.notModified = phase(heap, () -> service.run(cfg, false, null));
            check(report.notModified.report().unchanged() == size && server.notModified() == server.pages() && changed.isEmpty(),
                    "conditional re-harvest: " + report.notModified.report().summary() + ", 304s " + server.notModified());

            server.conditional(false);
            server.stamped(true);
            report.unchanged = phase(heap, () -> service.run(cfg, false, null));
            check(report.unchanged.report().unchanged() == size && changed.isEmpty() && removed.isEmpty(),
                    "unchanged re-harvest, pages differ: " + report.unchanged.report().summary());

            Set<String> expectChanged = new HashSet<>(), expectRemoved = new HashSet<>();
            for (int i = 0; i < size; i++) {
                if (gen.changed(i)) expectChanged.add(CatalogueGenerator.iri(i));
                if (gen.removed(i)) expectRemoved.add(CatalogueGenerator.iri(i));
            }
            server.version(1);
            report.delta = phase(heap, () -> service.run(cfg, false, null));
            HarvestReport d = report.delta.report();
            check(d.updated() == expectChanged.size() && d.deleted() == expectRemoved.size() && d.added() == 0
                    && d.unchanged() == size - expectChanged.size() - expectRemoved.size(), "delta re-harvest: " + d.summary());
            check(changed.equals(expectChanged) && removed.equals(expectRemoved),
                    "delta re-harvest wrote other records than the changed/removed ones: " + changed.size() + "/" + removed.size());
            report.expectChanged = expectChanged.size();
            report.expectRemoved = expectRemoved.size();

            report.loader = LoaderBaseline.run(server, work, heap);
            report.quadLoader = LoaderBaseline.runQuads(quads, work, heap);
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

    record Phase(HarvestReport report, double seconds, double cpuSeconds, long peakHeap, long maxAfterGc) {}

    private static Phase phase(HeapMeter heap, java.util.function.Supplier<HarvestReport> run) {
        heap.reset();
        long c0 = cpuNanos();
        long t0 = System.nanoTime();
        HarvestReport r = run.get();
        double s = (System.nanoTime() - t0) / 1e9;
        double cpu = (cpuNanos() - c0) / 1e9;
        check(r.succeeded(), "run failed: " + r.summary());
        System.err.println("  " + r.summary());
        return new Phase(r, s, cpu, heap.peakBytes(), heap.maxAfterGcBytes());
    }

    /** CPU time of the whole process (harvest, loopback server, GC): the machine is shared, so wall time alone misleads. */
    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static void check(boolean ok, String what) {
        if (!ok) throw new AssertionError(what);
    }

    private static void deleteTree(Path p) throws java.io.IOException {
        if (!Files.exists(p)) return;
        try (var s = Files.walk(p)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
