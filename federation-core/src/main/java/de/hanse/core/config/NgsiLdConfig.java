package de.hanse.core.config;

import java.time.Duration;

/**
 * NGSI-LD settings.
 *
 * @param enabled          serve {@code /ngsi-ld/v1} (default true)
 * @param sourceIdentity   alias used in {@code Via} and {@code /info/sourceIdentity} (default the node name)
 * @param forwardTimeout   overall deadline of one distributed operation (default 5 s)
 * @param maxConcurrency   most forwarded requests in flight per operation (default 16)
 * @param maxLimit         largest {@code limit} a client may ask for (default 1,000)
 * @param defaultLimit     {@code limit} when the client gives none (default 20)
 */
public record NgsiLdConfig(Boolean enabled, String sourceIdentity, Duration forwardTimeout, Integer maxConcurrency,
                           Integer maxLimit, Integer defaultLimit) {
    public NgsiLdConfig {
        enabled = Check.orDefault(enabled, true);
        forwardTimeout = Check.positive("ngsild.forwardTimeout", Check.orDefault(forwardTimeout, Duration.ofSeconds(5)));
        maxConcurrency = Check.positive("ngsild.maxConcurrency", Check.orDefault(maxConcurrency, 16));
        maxLimit = Check.positive("ngsild.maxLimit", Check.orDefault(maxLimit, 1000));
        defaultLimit = Check.positive("ngsild.defaultLimit", Check.orDefault(defaultLimit, 20));
    }

    public static NgsiLdConfig defaults() {
        return new NgsiLdConfig(null, null, null, null, null, null);
    }
}
