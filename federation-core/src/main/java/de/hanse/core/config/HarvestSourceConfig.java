package de.hanse.core.config;

import java.time.Duration;

/**
 * One harvest source.
 *
 * @param name         source name, unique on the node (required); also the "city" facet
 * @param type         {@code dcat} (RDF documents with Hydra paging, default), {@code ckan}, {@code sparql}, {@code csw}
 * @param url          http(s) URL or a file path (required)
 * @param schedule     how often to run: a duration ({@code PT24H}, {@code 6h}) or a cron expression; absent = on demand
 * @param priority     tie-breaker when two sources hold the same dataset with the same {@code dct:modified}: higher wins (default 0)
 * @param maxPages     most pages per run (default 10,000)
 * @param maxPageBytes most bytes per page (default 64 MiB)
 * @param maxRunTime   longest a run may take (default 2 h)
 * @param maxShrink    share of records a run may delete before deletion is refused unless forced (default 0.5)
 * @param rejectInvalid store records that violate the shapes ({@code false}, default: stored and flagged) or reject them
 * @param validate     run SHACL validation (default true)
 */
public record HarvestSourceConfig(
        String name,
        String type,
        String url,
        String schedule,
        Integer priority,
        Integer maxPages,
        Long maxPageBytes,
        Duration maxRunTime,
        Double maxShrink,
        Boolean rejectInvalid,
        Boolean validate) {

    public HarvestSourceConfig {
        name = Check.name("harvest.sources[].name", name);
        String k = "harvest.sources[" + name + "].";
        type = Check.orDefault(type, "dcat");
        if (!java.util.Set.of("dcat", "ckan", "sparql", "csw").contains(type))
            throw ConfigException.invalid(k + "type", "'" + type + "' is not one of dcat, ckan, sparql, csw");
        url = Check.url(k + "url", url, type.equals("dcat"));
        priority = Check.orDefault(priority, 0);
        maxPages = Check.positive(k + "maxPages", Check.orDefault(maxPages, 10_000));
        maxPageBytes = Check.positive(k + "maxPageBytes", Check.orDefault(maxPageBytes, 64L * 1024 * 1024));
        maxRunTime = Check.positive(k + "maxRunTime", Check.orDefault(maxRunTime, Duration.ofHours(2)));
        maxShrink = Check.share(k + "maxShrink", Check.orDefault(maxShrink, 0.5));
        rejectInvalid = Check.orDefault(rejectInvalid, false);
        validate = Check.orDefault(validate, true);
    }

    /** A DCAT source with every limit at its default. */
    public static HarvestSourceConfig dcat(String name, String url) {
        return new HarvestSourceConfig(name, "dcat", url, null, null, null, null, null, null, null, null);
    }

    public HarvestSourceConfig withLimits(int pages, long pageBytes) {
        return new HarvestSourceConfig(name, type, url, schedule, priority, pages, pageBytes, maxRunTime, maxShrink, rejectInvalid, validate);
    }
}
