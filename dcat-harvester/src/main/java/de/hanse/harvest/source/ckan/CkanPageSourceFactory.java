package de.hanse.harvest.source.ckan;

import static java.nio.charset.StandardCharsets.UTF_8;

import de.hanse.core.config.HarvestSourceConfig;
import de.hanse.harvest.HarvestContext;
import de.hanse.harvest.source.PageSource;
import de.hanse.harvest.source.PageSourceFactory;
import de.hanse.harvest.source.paged.SourceOptions;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Type {@code ckan}: the CKAN Action API's {@code package_search}, paged with {@code rows}/{@code start} and
 * sorted by {@code id asc} so pages stay stable while the portal changes; each package is mapped to DCAT-AP 3
 * (see {@link CkanMapper}). The URL is either the portal ({@code https://ckan.example}) or the action URL with
 * extra filters ({@code https://ckan.example/api/3/action/package_search?fq=organization:stadt}); the fragment
 * options are {@code pageSize} (rows, default 100, at most 1000), {@code sort}, and {@code incremental=true} with
 * {@code fullEvery} (ISO-8601 duration, default {@code P1D}): runs then ask only for packages whose
 * {@code metadata_modified} is after the previous successful run's start (see {@code HarvestRun}).
 * Stateless and thread-safe.
 */
public final class CkanPageSourceFactory implements PageSourceFactory {
    private static final Pattern FQ = Pattern.compile("([?&])fq=([^&]*)");

    @Override
    public String type() {
        return "ckan";
    }

    @Override
    public PageSource open(HarvestSourceConfig source, HarvestContext ctx) {
        SourceOptions o = SourceOptions.parse(source.url());
        String endpoint = o.endpoint();
        int api = endpoint.indexOf("/api/");
        String base = (api >= 0 ? endpoint.substring(0, api) : endpoint).replaceAll("/+$", "");
        String action = api >= 0 ? endpoint : base + "/api/3/action/package_search";
        if (ctx.modifiedSince() != null) action = withModifiedSince(action, ctx.modifiedSince());
        return new CkanPageSource(action, base, o.intOption("pageSize", 100, 1000), o.get("sort", "id asc"), source.maxPages(), ctx);
    }

    /**
     * The action URL restricted to packages modified since {@code since} ({@code metadata_modified}, a Solr date
     * field): added to the URL's own {@code fq} with AND, or as the {@code fq}.
     */
    static String withModifiedSince(String action, Instant since) {
        String clause = "metadata_modified:[" + since.truncatedTo(ChronoUnit.SECONDS) + " TO *]";
        Matcher fq = FQ.matcher(action);
        if (fq.find()) {
            String existing = URLDecoder.decode(fq.group(2), UTF_8);
            String merged = URLEncoder.encode("(" + existing + ") AND " + clause, UTF_8);
            return action.substring(0, fq.start()) + fq.group(1) + "fq=" + merged + action.substring(fq.end());
        }
        return action + (action.contains("?") ? "&" : "?") + "fq=" + URLEncoder.encode(clause, UTF_8);
    }
}
