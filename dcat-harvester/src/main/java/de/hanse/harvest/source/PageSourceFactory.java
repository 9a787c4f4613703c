package de.hanse.harvest.source;

import de.hanse.core.config.HarvestSourceConfig;
import de.hanse.harvest.HarvestContext;

/**
 * Opens a {@link PageSource} for one source type ({@code HarvestSourceConfig.type()}): {@code dcat}, {@code ckan},
 * {@code sparql}, {@code csw}. Stateless and thread-safe.
 */
public interface PageSourceFactory {
    /** The config {@code type} this factory serves. */
    String type();

    PageSource open(HarvestSourceConfig source, HarvestContext ctx) throws de.hanse.harvest.HarvestException;
}
