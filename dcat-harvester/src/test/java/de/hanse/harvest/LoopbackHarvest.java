package de.hanse.harvest;

import de.hanse.core.http.OutboundHttp;
import de.hanse.core.metrics.HarvestMetrics;
import de.hanse.core.metrics.PeerMetrics;
import de.hanse.core.store.NodeStore;
import de.hanse.harvest.source.PageSources;
import de.hanse.harvest.validate.RecordValidator;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.sparql.core.Quad;

/** A harvest service on an in-memory store with a real page server on loopback: the parts of a pipeline test. */
final class LoopbackHarvest implements AutoCloseable {
    final PageServer source;
    final NodeStore store;
    final OutboundHttp http;
    final HarvestService service;
    final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    LoopbackHarvest(RecordValidator validator) throws java.io.IOException {
        source = new PageServer();
        store = NodeStore.inMemory();
        http = new OutboundHttp(4);
        http.observe(new PeerMetrics(metrics));
        service = new HarvestService(store, http, PageSources.standard(), validator, Clock.systemUTC(), new HarvestMetrics(metrics));
    }

    /** Every quad of the store, sorted, to compare states. */
    List<Quad> snapshot() {
        return store.read(dsg -> {
            List<Quad> all = new ArrayList<>();
            dsg.find().forEachRemaining(all::add);
            all.sort(java.util.Comparator.comparing(Quad::toString));
            return all;
        });
    }

    @Override
    public void close() {
        service.close();
        http.close();
        store.close();
        source.close();
    }
}
