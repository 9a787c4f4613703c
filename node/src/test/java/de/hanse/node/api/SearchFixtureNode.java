package de.hanse.node.api;

import de.hanse.catalogue.search.SearchModule;
import de.hanse.core.config.HarvestConfig;
import de.hanse.core.config.HarvestSourceConfig;
import de.hanse.core.config.NodeConfig;
import de.hanse.harvest.HarvestModule;
import de.hanse.harvest.HarvestReport;
import de.hanse.node.HanseNode;
import de.hanse.node.TestNodes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A node like the demo's city nodes: two harvest sources (the Hamburg and Bremen search fixtures, Hamburg with the
 * higher priority), both harvested through the real pipeline, with the search index caught up.
 */
final class SearchFixtureNode {
    private SearchFixtureNode() {}

    static HanseNode start(TestNodes nodes, Path dir) throws IOException, InterruptedException {
        Path hamburg = copy(dir, "hamburg.ttl");
        Path bremen = copy(dir, "bremen.ttl");
        HarvestSourceConfig hh = new HarvestSourceConfig("hamburg", "dcat", hamburg.toString(), null, 1, null, null, null, null, null, null);
        HarvestSourceConfig hb = HarvestSourceConfig.dcat("bremen", bremen.toString());
        HanseNode node = nodes.start(NodeConfig.inMemory("search-it").withHarvest(new HarvestConfig(List.of(hh, hb))));
        harvest(node, hh);
        harvest(node, hb);
        awaitIndex(node);
        return node;
    }

    static HarvestReport harvest(HanseNode node, HarvestSourceConfig source) {
        HarvestReport r = node.module(HarvestModule.class).service().run(source, false, null);
        if (!r.succeeded()) throw new IllegalStateException("fixture harvest failed: " + r.summary());
        return r;
    }

    static void awaitIndex(HanseNode node) throws InterruptedException {
        if (!node.module(SearchModule.class).service().awaitIdle(Duration.ofSeconds(30)))
            throw new IllegalStateException("search index did not catch up");
    }

    static Path copy(Path dir, String name) throws IOException {
        Path p = dir.resolve(name);
        try (InputStream in = SearchFixtureNode.class.getResourceAsStream("/search/" + name)) {
            Files.copy(in, p);
        }
        return p;
    }
}
