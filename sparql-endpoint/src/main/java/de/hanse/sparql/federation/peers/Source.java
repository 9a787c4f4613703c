package de.hanse.sparql.federation.peers;

import de.hanse.core.config.PeerConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * One place a federated query can read from: a peer's SPARQL endpoint, or the node's own store ({@link #local}).
 *
 * @param id       unique name (the peer's name, or {@code local})
 * @param endpoint the SPARQL endpoint URL; {@code null} for the local store
 * @param peer     the peer's configuration (timeout, concurrency, auth); {@code null} for the local store
 */
public record Source(String id, String endpoint, PeerConfig peer) {
    public static final String LOCAL_ID = "local";

    public Source {
        Objects.requireNonNull(id, "id");
    }

    public static Source local() {
        return new Source(LOCAL_ID, null, null);
    }

    public static Source of(PeerConfig peer) {
        return new Source(peer.name(), peer.sparql(), peer);
    }

    public boolean isLocal() {
        return peer == null;
    }

    /** Deadline for one call to this source (the peer's timeout; 30 s for the local store). */
    public Duration callTimeout() {
        return peer == null ? Duration.ofSeconds(30) : peer.timeout();
    }

    /** Most requests in flight to this source. */
    public int maxConcurrency() {
        return peer == null ? 4 : peer.maxConcurrency();
    }

    @Override
    public String toString() {
        return id;
    }
}
