package de.hanse.core.http;

import java.util.Objects;

/**
 * Names an outbound call for per-peer metrics: the peer (a configured peer or harvest source name, or an NGSI-LD
 * registration id; never a raw URL) and the kind of call, one of a small fixed set per caller (e.g.
 * {@code ngsi-ld-query}, {@code sparql-select}, {@code harvest-fetch}). Immutable.
 */
public record CallTag(String peer, String operation) {
    public CallTag {
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(operation, "operation");
    }
}
