package de.hanse.bench.harvest;

import de.hanse.core.config.HarvestSourceConfig;
import de.hanse.core.http.OutboundHttp;
import de.hanse.core.store.NodeStore;
import de.hanse.harvest.HarvestService;
import de.hanse.harvest.Validators;
import de.hanse.harvest.source.PageSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;

/**
 * Reads on the two quad-index layouts, same data, one JVM (run it with -Xmx2g: the phased loader needs it): the
 * generated catalogue ({@code -Dsize}) harvested (validation on) into a store with Hanse's default four quad
 * indexes, its quads then loaded by Jena's phased loader into a store with TDB2's six; then {@link QuerySide}'s
 * reads on both, rounds interleaved. Prints a Markdown table.
 */
public final class IndexCompare {
    public static void main(String[] args) throws Exception {
        int size = Integer.getInteger("size", 20_000);
        int rounds = Integer.getInteger("rounds", 5);
        Path work = Files.createTempDirectory("hanse-bench-indexes");
        try (CatalogueServer server = new CatalogueServer(new CatalogueGenerator(Long.getLong("seed", 20260601L)), size, 1000)) {
            HarvestSourceConfig cfg = HarvestSourceConfig.dcat("bench", server.firstPage());
            Path nq = work.resolve("harvested.nq");
            try (NodeStore four = NodeStore.open(work.resolve("four")); OutboundHttp http = new OutboundHttp(4);
                 HarvestService service = new HarvestService(four, http, PageSources.standard(), Validators.standard(), Clock.systemUTC())) {
                HarvestBench.check(service.run(cfg, false, null).added() == size, "harvest");
                try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(nq), 1 << 20)) {
                    var w = StreamRDFWriter.getWriterStream(out, Lang.NQUADS);
                    w.start();
                    four.read(dsg -> {
                        dsg.find().forEachRemaining(w::quad);
                        return null;
                    });
                    w.finish();
                }
            }
            DatasetGraph six = DatabaseMgr.connectDatasetGraph(work.resolve("six").toString()); // TDB2's defaults: six quad indexes
            DataLoader loader = LoaderFactory.phasedLoader(six, null, (fmt, a) -> {});
            loader.startBulk();
            loader.load(List.of(nq.toString()));
            loader.finishBulk();
            try (NodeStore a = NodeStore.open(work.resolve("four")); NodeStore b = NodeStore.open(work.resolve("six"))) {
                List<Node> sample = QuerySide.sample(a, cfg.name());
                System.out.println(String.format(java.util.Locale.ROOT, "%d datasets, %d quads in each store%n", size, loader.countQuads()));
                System.out.println(QuerySide.compare("4 quad indexes", a, "6 quad indexes", b, cfg.name(), sample, rounds));
            }
        } finally {
            HarvestBench.deleteTree(work);
        }
    }
}
