package de.hanse.core.config;

/**
 * Catalogue export and search settings.
 *
 * @param pageSize    datasets per page of {@code /catalogue} (default 100)
 * @param maxPageSize largest {@code pageSize} a client may ask for (default 1,000)
 * @param title       catalogue title in the export (default "Hanse catalogue &lt;node&gt;")
 */
public record CatalogueConfig(Integer pageSize, Integer maxPageSize, String title) {
    public CatalogueConfig {
        pageSize = Check.positive("catalogue.pageSize", Check.orDefault(pageSize, 100));
        maxPageSize = Check.positive("catalogue.maxPageSize", Check.orDefault(maxPageSize, 1000));
        if (pageSize > maxPageSize)
            throw ConfigException.invalid("catalogue.pageSize", pageSize + " exceeds catalogue.maxPageSize " + maxPageSize);
    }

    public static CatalogueConfig defaults() {
        return new CatalogueConfig(null, null, null);
    }
}
