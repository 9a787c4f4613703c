package de.hanse.core.config;

import java.time.Duration;

/**
 * A peer: another Hanse node or a third-party broker / SPARQL endpoint.
 *
 * @param name    unique peer name (required)
 * @param url     base URL of the peer (required); for a Hanse node its root
 * @param sparql  the peer's SPARQL endpoint (default {@code <url>/sparql} for Hanse nodes, none otherwise)
 * @param ngsild  the peer's NGSI-LD base (the part before {@code /ngsi-ld/v1}), default {@code url}
 * @param kind    {@code hanse} (default), {@code ngsi-ld}, {@code sparql}
 * @param timeout deadline for one call to this peer (default 5 s)
 * @param maxConcurrency most calls in flight to this peer (default 8)
 * @param auth    credentials sent to the peer (default none)
 */
public record PeerConfig(String name, String url, String sparql, String ngsild, String kind, Duration timeout,
                         Integer maxConcurrency, PeerAuthConfig auth) {
    public PeerConfig {
        name = Check.name("peers[].name", name);
        String k = "peers[" + name + "].";
        url = Check.url(k + "url", url, false);
        kind = Check.orDefault(kind, "hanse");
        if (!java.util.Set.of("hanse", "ngsi-ld", "sparql").contains(kind))
            throw ConfigException.invalid(k + "kind", "'" + kind + "' is not one of hanse, ngsi-ld, sparql");
        String root = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        if (sparql == null && kind.equals("hanse")) sparql = root + "/sparql";
        if (sparql == null && kind.equals("sparql")) sparql = url;
        if (sparql != null) Check.url(k + "sparql", sparql, false);
        if (ngsild == null && !kind.equals("sparql")) ngsild = root;
        timeout = Check.positive(k + "timeout", Check.orDefault(timeout, Duration.ofSeconds(5)));
        maxConcurrency = Check.positive(k + "maxConcurrency", Check.orDefault(maxConcurrency, 8));
        auth = Check.orDefault(auth, PeerAuthConfig.none());
    }

    public static PeerConfig hanse(String name, String url) {
        return new PeerConfig(name, url, null, null, null, null, null, null);
    }
}
