package de.hanse.harvest.source.ckan;

import de.hanse.core.config.HarvestSourceConfig;
import de.hanse.harvest.HarvestContext;
import de.hanse.harvest.source.PageSource;
import de.hanse.harvest.source.PageSourceFactory;
import de.hanse.harvest.source.paged.SourceOptions;

/**
 * Type {@code ckan}: the CKAN Action API's {@code package_search}, paged with {@code rows}/{@code start} and
 * sorted by {@code id asc} so pages stay stable while the portal changes; each package is mapped to DCAT-AP 3
 * (see {@link CkanMapper}). The URL is either the portal ({@code https://ckan.example}) or the action URL with
 * extra filters ({@code https://ckan.example/api/3/action/package_search?fq=organization:stadt}); the fragment
 * options are {@code pageSize} (rows, default 100, at most 1000) and {@code sort}.
 * Stateless and thread-safe.
 */
public final class CkanPageSourceFactory implements PageSourceFactory {
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
        return new CkanPageSource(action, base, o.intOption("pageSize", 100, 1000), o.get("sort", "id asc"), source.maxPages(), ctx);
    }
}
