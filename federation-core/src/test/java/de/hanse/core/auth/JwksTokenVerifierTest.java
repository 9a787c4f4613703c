package de.hanse.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.hanse.core.config.AuthConfig;
import de.hanse.core.config.ConfigException;
import de.hanse.core.http.OutboundHttp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Attack tests: every forged, stale or foreign token is refused; a genuine one yields roles and tenants. */
class JwksTokenVerifierTest {
    private static final Duration MIN_REFRESH = Duration.ofSeconds(10);

    private TestIssuer idp;
    private OutboundHttp http;
    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private JwksTokenVerifier verifier;

    @BeforeEach
    void setUp() throws Exception {
        idp = TestIssuer.start("test");
        http = new OutboundHttp(2);
        verifier = verifier(config(List.of(idp.issuer()), TestIssuer.AUDIENCE));
    }

    @AfterEach
    void tearDown() {
        idp.close();
        http.close();
    }

    private static AuthConfig config(List<String> issuers, String audience) {
        return new AuthConfig(true, issuers, audience, null, Duration.ofSeconds(30), null, null, null);
    }

    private JwksTokenVerifier verifier(AuthConfig c) {
        var limits = new JwksTokenVerifier.Limits(Duration.ofSeconds(2), 64 * 1024, MIN_REFRESH, Duration.ofHours(1));
        return new JwksTokenVerifier(c, http, limits, clock::get);
    }

    private void advance(Duration d) {
        clock.addAndGet(d.toNanos());
    }

    private void assertRefused(String token, String reason) {
        assertThatThrownBy(() -> verifier.verify(token))
                .isInstanceOf(TokenVerifier.InvalidTokenException.class)
                .hasMessageContaining(reason)
                .satisfies(e -> assertThat(((TokenVerifier.InvalidTokenException) e).error()).isEqualTo("invalid_token"))
                .satisfies(e -> {
                    if (token.length() > 8) assertThat(e.getMessage()).doesNotContain(token);
                });
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private String payload(long expSeconds) {
        return b64("{\"iss\":\"" + idp.issuer() + "\",\"sub\":\"mallory\",\"aud\":\"federation-api\",\"exp\":" + expSeconds
                + ",\"realm_access\":{\"roles\":[\"catalogue-admin\"]},\"tenant\":\"*\"}");
    }

    @Test
    void acceptsGenuineTokenWithRealmAndClientRolesAndTenant() throws Exception {
        Principal p = verifier.verify(idp.token("key-1", c -> {}));
        assertThat(p.subject()).isEqualTo("user-1");
        assertThat(p.issuer()).isEqualTo(idp.issuer());
        assertThat(p.roles()).containsExactlyInAnyOrder("catalogue-reader", "ngsild-reader");
        assertThat(p.tenants()).containsExactly("tenant-a");
        assertThat(p.mayUseTenant("tenant-b")).isFalse();
        assertThat(p.toString()).doesNotContain(p.token());
        // a second token is verified from the cache: one discovery, one JWKS fetch in all
        var registry = new io.micrometer.prometheusmetrics.PrometheusMeterRegistry(io.micrometer.prometheusmetrics.PrometheusConfig.DEFAULT);
        verifier.bindTo(registry);
        verifier.verify(idp.token("key-1", c -> c.put("tenant", List.of("tenant-a", "tenant-b"))));
        assertThat(idp.discoveryRequests.get()).isEqualTo(1);
        assertThat(idp.jwksRequests.get()).isEqualTo(1);
        String hits = "cache_gets_total{cache=\"jwks-keys@" + idp.issuer() + "\",result=\"hit\"} ";
        assertThat(registry.scrape()).as("the key came from the cache").contains(hits).doesNotContain(hits + "0.0");
    }

    @Test
    void tenantClaimMayBeAnArrayAndAudienceAnArray() throws Exception {
        Principal p = verifier.verify(idp.token("key-1", c -> {
            c.put("tenant", List.of("tenant-a", "tenant-b"));
            c.put("aud", List.of("account", TestIssuer.AUDIENCE));
        }));
        assertThat(p.tenants()).containsExactly("tenant-a", "tenant-b");
    }

    @Test
    void refusesAlgNone() {
        assertRefused(b64("{\"alg\":\"none\",\"kid\":\"key-1\"}") + "." + payload(Instant.now().getEpochSecond() + 300) + ".",
                "'none' is not accepted");
        assertThat(idp.jwksRequests.get()).isZero();
    }

    @Test
    void refusesHs256SignedWithTheRsaPublicKey() throws Exception {
        byte[] publicKey = idp.key("key-1").getPublic().getEncoded();
        String signingInput = b64("{\"alg\":\"HS256\",\"kid\":\"key-1\",\"typ\":\"JWT\"}") + "." + payload(Instant.now().getEpochSecond() + 300);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(publicKey, "HmacSHA256"));
        String sig = Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        assertRefused(signingInput + "." + sig, "'HS256' is not accepted");
    }

    @Test
    void refusesExpiredTokenBeyondClockSkew() throws Exception {
        assertRefused(idp.token("key-1", c -> c.put("exp", new Date(System.currentTimeMillis() - 120_000))), "expired");
        // within the 30 s skew it is still accepted
        verifier.verify(idp.token("key-1", c -> c.put("exp", new Date(System.currentTimeMillis() - 10_000))));
    }

    @Test
    void refusesTokenWithoutExpiry() {
        assertRefused(idp.token("key-1", c -> c.remove("exp")), "no expiry");
    }

    @Test
    void refusesTokenNotYetValid() {
        assertRefused(idp.token("key-1", c -> c.put("nbf", new Date(System.currentTimeMillis() + 300_000))), "not yet valid");
    }

    @Test
    void refusesUntrustedIssuerWithoutContactingIt() throws Exception {
        try (TestIssuer other = TestIssuer.start("evil")) {
            String forged = other.token("key-1", c -> c.put("iss", other.issuer()));
            assertRefused(forged, "issuer is not trusted");
            assertThat(other.discoveryRequests.get() + other.jwksRequests.get()).isZero();
            // our issuer's key, but the iss claim names a different realm
            assertRefused(idp.token("key-1", c -> c.put("iss", idp.issuer() + "x")), "issuer is not trusted");
        }
    }

    @Test
    void refusesWrongAudience() {
        assertRefused(idp.token("key-1", c -> c.put("aud", "some-other-api")), "'aud'");
        assertRefused(idp.token("key-1", c -> c.remove("aud")), "'aud'");
    }

    @Test
    void refusesTamperedPayload() {
        String[] parts = idp.token("key-1", c -> {}).split("\\.");
        String tampered = parts[0] + "." + payload(Instant.now().getEpochSecond() + 300) + "." + parts[2];
        assertRefused(tampered, "signature invalid");
    }

    @Test
    void refusesUnknownKidAfterOneRateLimitedRefresh() throws Exception {
        verifier.verify(idp.token("key-1", c -> {}));
        assertThat(idp.jwksRequests.get()).isEqualTo(1);
        String rogue = idp.sign(TestIssuer.rsa(), "rogue", c -> {});
        advance(MIN_REFRESH);
        assertRefused(rogue, "unknown signing key");
        assertThat(idp.jwksRequests.get()).as("refreshed once for the unknown kid").isEqualTo(2);
        assertRefused(rogue, "rate-limited");
        assertRefused(idp.sign(TestIssuer.rsa(), "rogue-2", c -> {}), "rate-limited");
        assertThat(idp.jwksRequests.get()).as("no second refresh within the interval").isEqualTo(2);
        // the known key still works meanwhile
        verifier.verify(idp.token("key-1", c -> {}));
    }

    @Test
    void acceptsRotatedKeyAfterRefresh() throws Exception {
        verifier.verify(idp.token("key-1", c -> {}));
        idp.addKey("key-2");
        String rotated = idp.token("key-2", c -> {});
        advance(MIN_REFRESH);
        assertThat(verifier.verify(rotated).subject()).isEqualTo("user-1");
        assertThat(idp.jwksRequests.get()).isEqualTo(2);
        // a key withdrawn from the JWKS is forgotten at the next refresh
        idp.removeKey("key-1");
        idp.addKey("key-3");
        String old = idp.token("key-2", c -> {});
        advance(MIN_REFRESH);
        verifier.verify(idp.token("key-3", c -> {}));
        verifier.verify(old);
    }

    @Test
    void failsClosedWhenJwksUnreachable() throws Exception {
        String token = idp.token("key-1", c -> {});
        idp.close();
        assertRefused(token, "signing keys of the issuer are unavailable");
        advance(MIN_REFRESH);
        assertRefused(token, "unavailable");
    }

    @Test
    void refusesWhenTheJwksIsLargerThanTheCap() {
        idp.padJwks(100 * 1024);
        assertRefused(idp.token("key-1", c -> {}), "unavailable");
        assertThat(idp.jwksRequests.get()).isEqualTo(1);
    }

    @Test
    void refusesIdAndRefreshTokens() {
        assertRefused(idp.token("key-1", c -> c.put("typ", "ID")), "not an access token");
        assertRefused(idp.token("key-1", c -> c.put("typ", "Refresh")), "not an access token");
    }

    @Test
    void warmUpLoadsKeysOnceAndNeverThrows() throws Exception {
        verifier.warmUp();
        verifier.warmUp();
        assertThat(idp.jwksRequests.get()).isEqualTo(1);
        verifier.verify(idp.token("key-1", c -> {}));
        assertThat(idp.jwksRequests.get()).isEqualTo(1);
        idp.close();
        verifier(config(List.of(idp.issuer()), null)).warmUp();
    }

    @Test
    void refusesOversizedTokenBeforeParsing() {
        String big = idp.token("key-1", c -> c.put("padding", "x".repeat(JwksTokenVerifier.MAX_TOKEN_CHARS)));
        assertRefused(big, "larger than");
        assertThat(idp.jwksRequests.get()).isZero();
    }

    @Test
    void refusesGarbage() {
        assertRefused("", "missing");
        assertRefused("abc", "not a signed JWT");
        assertRefused("a.b.c", "not base64url JSON");
    }

    @Test
    void acceptsSeveralIssuers() throws Exception {
        try (TestIssuer city = TestIssuer.start("city")) {
            verifier = verifier(config(List.of(idp.issuer(), city.issuer()), null));
            assertThat(verifier.verify(city.token("key-1", c -> {})).issuer()).isEqualTo(city.issuer());
            assertThat(verifier.verify(idp.token("key-1", c -> {})).issuer()).isEqualTo(idp.issuer());
            // a city key cannot sign for the other realm
            assertRefused(city.sign(city.key("key-1"), "key-1", c -> c.put("iss", idp.issuer())), "signature invalid");
        }
    }

    @Test
    void refusesSymmetricAlgorithmsInConfig() {
        var c = new AuthConfig(true, List.of(idp.issuer()), null, List.of("HS256"), null, null, null, null);
        assertThatThrownBy(() -> new JwksTokenVerifier(c, http)).isInstanceOf(ConfigException.class).hasMessageContaining("HS256");
    }

    @Test
    void principalNeverPrintsItsToken() throws Exception {
        Principal p = verifier.verify(idp.token("key-1", c -> c.put("tenant", Map.of("not", "a string"))));
        assertThat(p.tenants()).isEmpty();
        assertThat(p.toString()).doesNotContain(p.token()).contains("user-1");
    }
}
