package de.hanse.core.config;

import java.time.Duration;

/**
 * SPARQL endpoint limits.
 *
 * @param queryTimeout  longest a query on {@code /sparql} may run before it is cancelled (default 30 s)
 * @param resultLimit   most rows a SELECT returns; larger results are cut with a warning (default 100,000)
 * @param federatedTimeout overall deadline of one federated query (default 30 s)
 */
public record SparqlConfig(Duration queryTimeout, Integer resultLimit, Duration federatedTimeout) {
    public SparqlConfig {
        queryTimeout = Check.positive("sparql.queryTimeout", Check.orDefault(queryTimeout, Duration.ofSeconds(30)));
        resultLimit = Check.positive("sparql.resultLimit", Check.orDefault(resultLimit, 100_000));
        federatedTimeout = Check.positive("sparql.federatedTimeout", Check.orDefault(federatedTimeout, Duration.ofSeconds(30)));
    }

    public static SparqlConfig defaults() {
        return new SparqlConfig(null, null, null);
    }
}
