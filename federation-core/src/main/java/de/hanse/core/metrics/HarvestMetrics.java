package de.hanse.core.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Harvest metrics per source: {@code hanse.harvest.runs} (timer, tags {@code source}, {@code outcome} =
 * success / failed / refused), {@code hanse.harvest.records} (counter, tags {@code source}, {@code change} =
 * added / updated / unchanged / deleted / rejected / invalid, the counts of {@code HarvestReport}; only successful
 * runs count, since a failed run changes nothing) and {@code hanse.harvest.last.success} (gauge, epoch
 * seconds of the last successful run; alert when {@code time() - hanse_harvest_last_success_seconds} grows past the
 * schedule). Source names come from configuration, so series stay bounded. Thread-safe.
 */
public final class HarvestMetrics {
    static final String RUNS = "hanse.harvest.runs";
    static final String RECORDS = "hanse.harvest.records";
    static final String LAST_SUCCESS = "hanse.harvest.last.success";

    private final MeterRegistry registry;
    private final Map<String, AtomicLong> lastSuccess = new ConcurrentHashMap<>();

    public HarvestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Records a finished run; {@code outcome} is one of success, failed, refused. */
    public void run(String source, String outcome, Duration took) {
        Timer.builder(RUNS).description("Harvest runs by source and outcome")
                .tags("source", source, "outcome", outcome)
                .register(registry)
                .record(took);
        if (outcome.equals("success")) lastSuccess(source, Instant.now());
    }

    /** Adds {@code n} records of kind {@code change} for {@code source}. */
    public void records(String source, String change, long n) {
        if (n <= 0) return;
        Counter.builder(RECORDS).description("Harvested records by source and change")
                .tags("source", source, "change", change)
                .register(registry)
                .increment(n);
    }

    /** Sets the time of the last successful run of {@code source}. */
    public void lastSuccess(String source, Instant when) {
        lastSuccess.computeIfAbsent(source, s -> {
            AtomicLong holder = new AtomicLong();
            Gauge.builder(LAST_SUCCESS, holder, AtomicLong::get).description("Epoch seconds of the last successful harvest")
                    .baseUnit("seconds").tags("source", s).strongReference(true).register(registry);
            return holder;
        }).set(when.getEpochSecond());
    }
}
