package de.hanse.harvest.source;

import de.hanse.core.config.HarvestSourceConfig;
import de.hanse.harvest.HarvestContext;
import de.hanse.harvest.HarvestException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The source types a node can harvest, by {@code HarvestSourceConfig.type()}. Immutable, thread-safe. */
public final class PageSources {
    private final Map<String, PageSourceFactory> byType;

    public PageSources(List<PageSourceFactory> factories) {
        this.byType = factories.stream().collect(Collectors.toUnmodifiableMap(PageSourceFactory::type, Function.identity()));
    }

    /** Every built-in source type. */
    public static PageSources standard() {
        return new PageSources(List.of(
                new HydraPageSourceFactory(),
                new de.hanse.harvest.source.ckan.CkanPageSourceFactory(),
                new de.hanse.harvest.source.sparql.SparqlPageSourceFactory(),
                new de.hanse.harvest.source.csw.CswPageSourceFactory()));
    }

    public PageSource open(HarvestSourceConfig source, HarvestContext ctx) throws HarvestException {
        PageSourceFactory f = byType.get(source.type());
        if (f == null) throw new HarvestException("source type '" + source.type() + "' is not supported by this node; supported: " + byType.keySet());
        return f.open(source, ctx);
    }
}
