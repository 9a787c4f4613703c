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

/**
 * Reads on the two quad-index layouts, same data, one JVM: the generated catalogue ({@code -Dsize}) harvested
 * (validation on) into a store with Hanse's default four quad indexes and into one with TDB2's six, both by the
 * same pipeline (a store built by Jena's bulk loader has fuller B+tree blocks and reads faster, so it would not
 * compare like with like); then {@link QuerySide}'s reads on both, rounds interleaved. Prints a Markdown table.
 */
public final class IndexCompare {
    public static void main(String[] args) throws Exception {
        int size = Integer.getInteger("size", 20_000);
        int rounds = Integer.getInteger("rounds", 5);
        Path work = Files.createTempDirectory("hanse-bench-indexes");
        try (CatalogueServer server = new CatalogueServer(new CatalogueGenerator(Long.getLong("seed", 20260601L)), size, 1000)) {
            HarvestSourceConfig cfg = HarvestSourceConfig.dcat("bench", server.firstPage());
            harvest(cfg, work.resolve("four"), size); // NodeStore's default: four quad indexes
            System.setProperty(NodeStore.QUAD_INDEXES_PROPERTY, "GSPO,GPOS,GOSP,POSG,OSPG,SPOG"); // TDB2's six
            harvest(cfg, work.resolve("six"), size);
            try (NodeStore a = NodeStore.open(work.resolve("four")); NodeStore b = NodeStore.open(work.resolve("six"))) {
                List<Node> sample = QuerySide.sample(a, cfg.name());
                System.out.println(String.format(java.util.Locale.ROOT, "%d datasets, each harvested into both stores%n", size));
                System.out.println(QuerySide.compare("4 quad indexes", a, "6 quad indexes", b, cfg.name(), sample, rounds));
            }
        } finally {
            HarvestBench.deleteTree(work);
        }
    }

    private static void harvest(HarvestSourceConfig cfg, Path dir, int size) {
        try (NodeStore store = NodeStore.open(dir); OutboundHttp http = new OutboundHttp(4);
             HarvestService service = new HarvestService(store, http, PageSources.standard(), Validators.standard(), Clock.systemUTC())) {
            HarvestBench.check(service.run(cfg, false, null).added() == size, "harvest into " + dir);
        }
    }
}
