package de.hanse.harvest;

import de.hanse.core.config.ConfigLoader;
import de.hanse.core.config.HarvestSourceConfig;
import de.hanse.core.metrics.HarvestMetrics;
import de.hanse.core.node.NodeContext;
import de.hanse.core.node.NodeModule;
import de.hanse.harvest.api.HarvestResource;
import de.hanse.harvest.source.PageSources;
import de.hanse.harvest.validate.RecordValidator;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.jena.fuseki.main.FusekiServer;
import org.glassfish.jersey.server.ResourceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The harvester as a node feature: the {@link HarvestService}, its REST API under {@code /api/harvest}, and the
 * schedules of the configured sources: an interval such as {@code PT6H} or {@code 6h} (runs start one interval
 * after start-up) or a five-field cron expression such as {@code 30 2 * * *} ({@link CronSchedule}, in the node's
 * time zone). A run still going when the next is due is not started twice. A read replica of a remote store
 * ({@code store.writer: false}) runs no schedules and refuses runs: only the writer harvests.
 */
public final class HarvestModule implements NodeModule {
    private static final Logger LOG = LoggerFactory.getLogger(HarvestModule.class);
    /** Cron expressions are read in the node's time zone (the JVM default, {@code TZ} in a container). */
    private static final ZoneId ZONE = ZoneId.systemDefault();
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
        service = new HarvestService(ctx.store(), ctx.http(), PageSources.standard(), validator(), Clock.systemUTC(),
                new HarvestMetrics(ctx.metrics()));
        jersey.register(new HarvestResource(service, ctx.config().harvest()));
    }

    /** The SHACL validator when its shapes are on the class path, else none. */
    static RecordValidator validator() {
        return Validators.standard();
    }

    @Override
    public void start(NodeContext ctx) {
        String refusal = service.refusal();
        if (refusal != null) {
            if (ctx.config().harvest().sources().stream().anyMatch(s -> s.schedule() != null))
                LOG.info("harvest schedules not started: {}", refusal);
            return;
        }
        for (HarvestSourceConfig s : ctx.config().harvest().sources()) {
            if (s.schedule() == null) continue;
            try {
                Duration every = ConfigLoader.parseDuration(s.schedule());
                ctx.scheduler().scheduleWithFixedDelay(() -> trigger(s), every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
                LOG.info("source {} harvested every {}", s.name(), every);
                continue;
            } catch (IllegalArgumentException notAnInterval) {
                // not an interval: a cron expression?
            }
            try {
                CronSchedule cron = CronSchedule.parse(s.schedule());
                scheduleNext(ctx.scheduler(), s, cron);
                LOG.info("source {} harvested on cron '{}' ({}), next at {}", s.name(), cron, ZONE, cron.next(ZonedDateTime.now(ZONE)));
            } catch (IllegalArgumentException e) {
                LOG.warn("source {}: schedule '{}' is neither an interval nor a cron expression ({}); not scheduled", s.name(), s.schedule(),
                        e.getMessage());
            }
        }
    }

    /** Time until the next cron run, from {@code now}. */
    static Duration untilNext(CronSchedule cron, ZonedDateTime now) {
        return Duration.between(now, cron.next(now));
    }

    /** One run per due time: each run schedules the next, so a long run never piles up missed ones. */
    private void scheduleNext(ScheduledExecutorService scheduler, HarvestSourceConfig s, CronSchedule cron) {
        try {
            scheduler.schedule(() -> {
                try {
                    trigger(s);
                } finally {
                    scheduleNext(scheduler, s, cron);
                }
            }, untilNext(cron, ZonedDateTime.now(ZONE)).toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("scheduler stopped; source {} no longer scheduled", s.name());
        }
    }

    private void trigger(HarvestSourceConfig s) {
        try {
            if (!service.running(s.name())) service.start(s, false);
        } catch (RuntimeException e) {
            LOG.warn("scheduled harvest of {} not started: {}", s.name(), e.getMessage());
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
