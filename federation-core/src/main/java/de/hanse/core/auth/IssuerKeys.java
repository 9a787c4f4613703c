package de.hanse.core.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import de.hanse.core.http.CallContext;
import de.hanse.core.http.OutboundHttp;
import io.jsonwebtoken.security.Jwk;
import io.jsonwebtoken.security.Jwks;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.security.Key;
import java.security.PublicKey;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signing keys of one trusted issuer: the JWKS is found by OIDC discovery, fetched with a deadline and a size
 * cap, and cached (Caffeine, {@code kid -> key}). An unknown {@code kid} triggers a refresh, at most once per
 * {@code minRefreshInterval}; a failed fetch counts as an attempt, so an unreachable JWKS is not hammered and yields
 * no keys (fail closed). Thread-safe: fetches are serialised per issuer.
 */
final class IssuerKeys {
    private static final Logger LOG = LoggerFactory.getLogger(IssuerKeys.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String issuer;
    private final OutboundHttp http;
    private final JwksTokenVerifier.Limits limits;
    private final Set<String> algorithms;
    private final LongSupplier nanoTime;
    private final Cache<String, PublicKey> keys;
    private volatile String jwksUri;
    private long lastAttemptNanos;
    private boolean attempted;

    IssuerKeys(String issuer, OutboundHttp http, JwksTokenVerifier.Limits limits, Set<String> algorithms, LongSupplier nanoTime) {
        this.issuer = issuer;
        this.http = http;
        this.limits = limits;
        this.algorithms = algorithms;
        this.nanoTime = nanoTime;
        this.keys = Caffeine.newBuilder().maximumSize(64).expireAfterWrite(limits.keyTtl()).recordStats().build();
    }

    /** The key for {@code kid} (null: the only key), refreshing the JWKS if it is unknown and the rate limit allows. */
    PublicKey key(String kid) throws TokenVerifier.InvalidTokenException {
        PublicKey k = lookup(kid);
        if (k != null) return k;
        synchronized (this) {
            k = lookup(kid);   // another thread may have refreshed meanwhile
            if (k != null) return k;
            long now = nanoTime.getAsLong();
            if (attempted && now - lastAttemptNanos < limits.minRefreshInterval().toNanos())
                throw invalid(kid, "(key refresh rate-limited)");
            if (!refresh(now))
                throw new TokenVerifier.InvalidTokenException("invalid_token", "signing keys of the issuer are unavailable");
            k = lookup(kid);
            if (k == null) throw invalid(kid, "");
            return k;
        }
    }

    /** Loads the keys once ahead of the first token, if no attempt was made yet; never throws. */
    synchronized void warmUp() {
        if (!attempted) refresh(nanoTime.getAsLong());
    }

    /** One fetch attempt (counted for the rate limit); the cache is replaced only on success. Holds the lock. */
    private boolean refresh(long now) {
        attempted = true;
        lastAttemptNanos = now;
        try {
            Map<String, PublicKey> fresh = fetch();
            keys.invalidateAll();
            keys.putAll(fresh);
            LOG.info("loaded {} signing key(s) {} for issuer {}", fresh.size(), fresh.keySet(), issuer);
            return true;
        } catch (IOException | RuntimeException e) {
            jwksUri = null;   // discover again next time: the realm may have moved
            LOG.warn("cannot load signing keys of issuer {}: {}", issuer, e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private PublicKey lookup(String kid) {
        if (kid != null) return keys.getIfPresent(kid);
        Map<String, PublicKey> all = keys.asMap();
        return all.size() == 1 ? all.values().iterator().next() : null;
    }

    private TokenVerifier.InvalidTokenException invalid(String kid, String why) {
        return new TokenVerifier.InvalidTokenException("invalid_token",
                (kid == null ? "token has no key id" : "unknown signing key") + (why.isEmpty() ? "" : " " + why));
    }

    private Map<String, PublicKey> fetch() throws IOException, InterruptedException {
        CallContext call = CallContext.forUrl(limits.fetchTimeout());   // one deadline for discovery + JWKS
        String uri = jwksUri;
        if (uri == null) {
            JsonNode discovery = getJson(issuer + "/.well-known/openid-configuration", call);
            if (!issuer.equals(discovery.path("issuer").asText()))
                throw new IOException("discovery document names issuer '" + discovery.path("issuer").asText() + "'");
            uri = discovery.path("jwks_uri").asText("");
            if (!uri.startsWith("https://") && !uri.startsWith("http://")) throw new IOException("no usable jwks_uri");
            jwksUri = uri;
        }
        Map<String, PublicKey> out = new HashMap<>();
        for (JsonNode jwk : getJson(uri, call).path("keys")) {
            if (!"sig".equals(jwk.path("use").asText("sig"))) continue;          // Keycloak also lists RSA-OAEP keys
            if (jwk.hasNonNull("alg") && !algorithms.contains(jwk.get("alg").asText())) continue;
            String kid = jwk.path("kid").asText(null);
            try {
                Key key = ((Jwk<?>) Jwks.parser().build().parse(JSON.writeValueAsString(jwk))).toKey();
                if (key instanceof PublicKey pk) out.put(kid == null ? "" : kid, pk);
            } catch (RuntimeException e) {
                LOG.warn("skipping unusable key {} of issuer {}: {}", kid, issuer, e.getMessage());
            }
        }
        return out;
    }

    private JsonNode getJson(String uri, CallContext call) throws IOException, InterruptedException {
        var request = http.request(URI.create(uri), call)
                .header("Accept", "application/json").GET().build();
        HttpResponse<byte[]> r = http.send(request, OutboundHttp.boundedBytes(limits.maxJwksBytes()));
        if (r.statusCode() != 200) throw new IOException("GET " + uri + " answered " + r.statusCode());
        return JSON.readTree(r.body());
    }

    /** The key cache, for cache metrics. */
    Cache<String, PublicKey> cache() {
        return keys;
    }
}
