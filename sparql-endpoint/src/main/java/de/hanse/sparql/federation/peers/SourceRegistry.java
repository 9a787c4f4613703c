package de.hanse.sparql.federation.peers;

import de.hanse.core.config.PeerConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The sources a federated query may use: every peer with a SPARQL endpoint, plus the local store when present.
 * Peers can be replaced at run time (peer API, config reload); listeners (the probe and summary caches) are told so
 * they drop what they learnt about the old peers.
 *
 * <p>Thread-safe: readers see an immutable snapshot.
 */
public final class SourceRegistry {
    private final boolean includeLocal;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile List<Source> sources;

    public SourceRegistry(List<PeerConfig> peers, boolean includeLocal) {
        this.includeLocal = includeLocal;
        this.sources = build(peers);
    }

    private List<Source> build(List<PeerConfig> peers) {
        List<Source> out = new ArrayList<>();
        if (includeLocal) out.add(Source.local());
        for (PeerConfig p : peers)
            if (p.sparql() != null) out.add(Source.of(p));
        return List.copyOf(out);
    }

    public List<Source> sources() {
        return sources;
    }

    /** Replaces the peers; caches registered with {@link #onChange} are invalidated. */
    public void replacePeers(List<PeerConfig> peers) {
        sources = build(peers);
        listeners.forEach(Runnable::run);
    }

    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    /** The source whose endpoint URL (or {@code urn:hanse:peer:<name>}) is {@code iri}. */
    public Optional<Source> byServiceIri(String iri) {
        for (Source s : sources) {
            if (s.endpoint() != null && trim(s.endpoint()).equals(trim(iri))) return Optional.of(s);
            if (("urn:hanse:peer:" + s.id()).equals(iri)) return Optional.of(s);
        }
        return Optional.empty();
    }

    private static String trim(String u) {
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }
}
