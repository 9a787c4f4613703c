package de.hanse.harvest;

import de.hanse.core.config.HarvestSourceConfig;
import de.hanse.core.config.ConfigLoader;
import de.hanse.core.node.NodeContext;
import de.hanse.core.node.NodeModule;
import de.hanse.harvest.api.HarvestResource;
import de.hanse.harvest.source.PageSources;
import de.hanse.harvest.validate.RecordValidator;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.jena.fuseki.main.FusekiServer;
import org.glassfish.jersey.server.ResourceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The harvester as a node feature: the {@link HarvestService}, its REST API under {@code /api/harvest}, and the
 * schedules of the configured sources (an interval such as {@code PT6H} or {@code 6h}; runs start one interval
 * after start-up, and a run still going when the next is due is not started twice).
 */
public final class HarvestModule implements NodeModule {
    private static final Logger LOG = LoggerFactory.getLogger(HarvestModule.class);
    private HarvestService service;

    @Override
    public String name() {
        return "harvest";
    }

    @Override
    public int order() {
        return 400;
    }

    @Override
    public void configure(NodeContext ctx, ResourceConfig jersey, FusekiServer.Builder server) {
        service = new HarvestService(ctx.store(), ctx.http(), PageSources.standard(), validator(), Clock.systemUTC());
        jersey.register(new HarvestResource(service, ctx.config().harvest()));
    }

    /** The SHACL validator when its shapes are on the class path, else none. */
    static RecordValidator validator() {
        return Validators.standard();
    }

    @Override
    public void start(NodeContext ctx) {
        for (HarvestSourceConfig s : ctx.config().harvest().sources()) {
            if (s.schedule() == null) continue;
            Duration every;
            try {
                every = ConfigLoader.parseDuration(s.schedule());
            } catch (IllegalArgumentException e) {
                LOG.warn("source {}: schedule '{}' is not an interval; not scheduled", s.name(), s.schedule());
                continue;
            }
            ctx.scheduler().scheduleWithFixedDelay(() -> {
                try {
                    if (!service.running(s.name())) service.start(s, false);
                } catch (RuntimeException e) {
                    LOG.warn("scheduled harvest of {} not started: {}", s.name(), e.getMessage());
                }
            }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
            LOG.info("source {} harvested every {}", s.name(), every);
        }
    }

    /** Available after {@link #configure}. */
    public HarvestService service() {
        return service;
    }

    @Override
    public void stop() {
        if (service != null) service.close();
    }
}
