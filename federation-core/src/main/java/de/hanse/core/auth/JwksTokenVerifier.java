package de.hanse.core.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.hanse.core.config.AuthConfig;
import de.hanse.core.config.ConfigException;
import de.hanse.core.http.OutboundHttp;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.IncorrectClaimException;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParserBuilder;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.MissingClaimException;
import io.jsonwebtoken.PrematureJwtException;
import io.jsonwebtoken.security.SecureDigestAlgorithm;
import io.jsonwebtoken.security.SecurityException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.io.IOException;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Verifies Keycloak (or any OIDC) access tokens: JWS signed with one of the configured asymmetric algorithms by a
 * key from the JWKS of one of the configured issuers ({@link IssuerKeys}); {@code iss} must be one of them,
 * {@code aud} must contain the configured audience (if any), {@code exp} is required and, like {@code nbf}, checked
 * with the configured clock skew; a Keycloak {@code typ} claim other than {@code Bearer} (ID, refresh token) is refused. Refused before any key lookup: tokens over {@link #MAX_TOKEN_CHARS}, {@code alg}
 * {@code none} or any algorithm not configured (so HS256 signed with the RSA public key never reaches a key), and
 * untrusted issuers (no discovery request is ever made for an issuer named only by a token).
 *
 * <p>Thread-safe; {@link #verify} may block while keys are fetched (each fetch bounded by
 * {@link Limits#fetchTimeout()}). Error messages never contain the token.
 */
public final class JwksTokenVerifier implements TokenVerifier, MeterBinder {
    /** Largest token accepted (16 KiB); Keycloak's tokens are 1-3 KiB. */
    public static final int MAX_TOKEN_CHARS = 16 * 1024;
    static final Set<String> ASYMMETRIC = Set.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512",
            "ES256", "ES384", "ES512", "EdDSA");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Bounds of key fetching.
     *
     * @param fetchTimeout       deadline of one key fetch: discovery (if needed) and JWKS together (default 5 s)
     * @param maxJwksBytes       largest discovery/JWKS document read (default 256 KiB)
     * @param minRefreshInterval least time between two fetches for one issuer (default 10 s)
     * @param keyTtl             how long fetched keys are trusted before they are fetched again (default 1 h)
     */
    public record Limits(Duration fetchTimeout, long maxJwksBytes, Duration minRefreshInterval, Duration keyTtl) {
        public static Limits defaults() {
            return new Limits(Duration.ofSeconds(5), 256 * 1024, Duration.ofSeconds(10), Duration.ofHours(1));
        }
    }

    private final AuthConfig config;
    private final Map<String, IssuerKeys> issuers = new LinkedHashMap<>();
    private final Set<String> algorithms;

    public JwksTokenVerifier(AuthConfig config, OutboundHttp http) {
        this(config, http, Limits.defaults(), System::nanoTime);
    }

    public JwksTokenVerifier(AuthConfig config, OutboundHttp http, Limits limits, LongSupplier nanoTime) {
        this.config = config;
        for (String alg : config.algorithms())
            if (!ASYMMETRIC.contains(alg))
                throw ConfigException.invalid("auth.algorithms", "'" + alg + "' is not an accepted asymmetric algorithm; known: " + ASYMMETRIC);
        this.algorithms = Set.copyOf(config.algorithms());
        for (String iss : config.issuers()) issuers.put(iss, new IssuerKeys(iss, http, limits, algorithms, nanoTime));
    }

    /**
     * Registers each issuer's key cache as {@code cache="jwks-keys@<issuer>"} (issuers come from configuration; no
     * extra label, since every {@code cache_*} series must have the same label names).
     */
    @Override
    public void bindTo(MeterRegistry registry) {
        issuers.forEach((iss, keys) -> CaffeineCacheMetrics.monitor(registry, keys.cache(), "jwks-keys@" + iss));
    }

    @Override
    public Principal verify(String token) throws InvalidTokenException {
        if (token == null || token.isBlank()) throw invalid("missing bearer token");
        if (token.length() > MAX_TOKEN_CHARS) throw invalid("token larger than " + MAX_TOKEN_CHARS + " characters");
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) throw invalid("not a signed JWT (JWS compact form)");
        JsonNode header = decode(parts[0], "header");
        String alg = header.path("alg").asText("");
        if (!algorithms.contains(alg)) throw invalid("signature algorithm '" + alg + "' is not accepted");
        String iss = decode(parts[1], "payload").path("iss").asText(null);
        IssuerKeys keys = iss == null ? null : issuers.get(iss);
        if (keys == null) throw invalid("issuer is not trusted");
        PublicKey key = keys.key(header.path("kid").asText(null));
        Claims claims = parse(token, key, iss);
        return PrincipalClaims.toPrincipal(claims, config.tenantClaim(), token);
    }

    private Claims parse(String token, PublicKey key, String iss) throws InvalidTokenException {
        JwtParserBuilder b = Jwts.parser().verifyWith(key).requireIssuer(iss)
                .clockSkewSeconds(config.clockSkew().toSeconds());
        var sig = b.sig().clear();
        for (String alg : algorithms) sig.add((SecureDigestAlgorithm<?, ?>) Jwts.SIG.get().forKey(alg));
        b = sig.and();
        if (config.audience() != null) b.requireAudience(config.audience());
        try {
            Claims claims = b.build().parseSignedClaims(token).getPayload();
            if (claims.getExpiration() == null) throw invalid("token has no expiry (exp)");
            // Keycloak marks its tokens: ID and refresh tokens must not be usable as access tokens
            if (claims.get("typ") instanceof String typ && !typ.equalsIgnoreCase("Bearer"))
                throw invalid("not an access token (typ " + typ + ")");
            return claims;
        } catch (ExpiredJwtException e) {
            throw invalid("token expired");
        } catch (PrematureJwtException e) {
            throw invalid("token not yet valid (nbf)");
        } catch (IncorrectClaimException | MissingClaimException e) {
            throw invalid("claim '" + e.getClaimName() + "' does not match");
        } catch (SecurityException e) {
            throw invalid("signature invalid");
        } catch (JwtException | IllegalArgumentException e) {
            throw invalid("token rejected: " + e.getClass().getSimpleName());
        }
    }

    private static JsonNode decode(String part, String what) throws InvalidTokenException {
        try {
            JsonNode n = JSON.readTree(Base64.getUrlDecoder().decode(part));
            if (n == null || !n.isObject()) throw invalid("token " + what + " is not a JSON object");
            return n;
        } catch (IllegalArgumentException | IOException e) {
            throw invalid("token " + what + " is not base64url JSON");
        }
    }

    private static InvalidTokenException invalid(String description) {
        return new InvalidTokenException("invalid_token", description);
    }

    /**
     * Fetches every issuer's keys once, ahead of the first token, so that a wrong issuer URL shows in the log at
     * start-up. Failures are logged, not thrown (they count for the refresh rate limit like any attempt).
     */
    public void warmUp() {
        issuers.values().forEach(IssuerKeys::warmUp);
    }

    /** The trusted issuers, in configuration order. */
    public List<String> issuers() {
        return List.copyOf(issuers.keySet());
    }
}
