package de.hanse.node.harvest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.hanse.core.config.HarvestConfig;
import de.hanse.core.config.HarvestSourceConfig;
import de.hanse.core.config.NodeConfig;
import de.hanse.harvest.HarvestModule;
import de.hanse.harvest.HarvestReport;
import de.hanse.node.HanseNode;
import de.hanse.node.TestNodes;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A node that is a city's NGSI-LD broker keeps taking entity updates while it harvests: a harvest run is one TDB2
 * write transaction over the catalogue store, and entities live in a store of their own, so an update sent while a
 * slow source is still being read is answered before that run ends.
 */
class EntityWritesDuringHarvestIT {
    private final TestNodes nodes = new TestNodes();
    private LoopbackSource source;

    @AfterEach
    void close() {
        nodes.close();
        if (source != null) source.close();
    }

    @Test
    void entityUpdateIsNotHeldBackByARunningHarvest() throws Exception {
        source = new LoopbackSource();
        for (int p = 1; p <= 3; p++) {
            String next = p < 3 ? "<" + source.url("/p" + (p + 1) + ".ttl") + "> " : null;
            source.page("/p" + p + ".ttl", LoopbackSource.PREFIXES
                    + "<" + source.url("/p" + p + ".ttl") + "> a hydra:PartialCollectionView"
                    + (next != null ? " ; hydra:next " + next : "") + " .\n"
                    + LoopbackSource.dataset("https://stadt.example/d/" + p, "Datensatz " + p, "2024-0" + p + "-01"));
        }
        source.delay(3_000);
        HarvestSourceConfig slow = new HarvestSourceConfig("langsam", "dcat", source.url("/p1.ttl"), null, 0, null, null, null, null, null, false);
        HanseNode node = nodes.start(NodeConfig.inMemory("stadt").withHarvest(new HarvestConfig(List.of(slow))));
        var harvests = node.module(HarvestModule.class).service();

        CompletableFuture<HarvestReport> run = CompletableFuture.supplyAsync(() -> harvests.run(slow, false, null));
        await().atMost(Duration.ofSeconds(30)).until(() -> source.served() >= 1);
        assertThat(run).as("the run is still reading pages").isNotDone();

        var created = nodes.post(node, "ngsi-ld/v1/entities", "application/ld+json", """
                {"id":"urn:ngsi-ld:OffStreetParking:stadt-1","type":"OffStreetParking",
                 "availableSpotNumber":{"type":"Property","value":42},
                 "@context":"https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context-v1.8.jsonld"}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(run).as("the entity was written while the harvest was still running").isNotDone();
        assertThat(nodes.get(node, "ngsi-ld/v1/entities/urn:ngsi-ld:OffStreetParking:stadt-1").statusCode()).isEqualTo(200);

        HarvestReport report = run.get(60, TimeUnit.SECONDS);
        assertThat(report.added()).isEqualTo(3);
    }
}
