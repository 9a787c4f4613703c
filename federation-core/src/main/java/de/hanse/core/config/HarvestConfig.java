package de.hanse.core.config;

import java.util.List;

/**
 * Harvest settings: the sources and the limits that apply to every run unless a source overrides them.
 *
 * @param sources harvest sources (default none)
 */
public record HarvestConfig(List<HarvestSourceConfig> sources) {
    public HarvestConfig {
        sources = List.copyOf(Check.orDefault(sources, List.of()));
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < sources.size(); i++)
            if (!seen.add(sources.get(i).name()))
                throw ConfigException.invalid("harvest.sources[" + i + "].name", "duplicate source name '" + sources.get(i).name() + "'");
    }

    public static HarvestConfig defaults() {
        return new HarvestConfig(null);
    }

    public java.util.Optional<HarvestSourceConfig> source(String name) {
        return sources.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
