package de.hanse.harvest.source;

import de.hanse.core.config.HarvestSourceConfig;
import de.hanse.harvest.HarvestContext;

/** Type {@code dcat}: DCAT-AP RDF documents (any RDF syntax) from a URL or file, following Hydra paging. */
public final class HydraPageSourceFactory implements PageSourceFactory {
    @Override
    public String type() {
        return "dcat";
    }

    @Override
    public PageSource open(HarvestSourceConfig source, HarvestContext ctx) {
        return new HydraPageSource(source.url(), source.maxPages(), ctx);
    }
}
