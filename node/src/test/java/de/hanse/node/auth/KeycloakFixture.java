package de.hanse.node.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.hanse.core.config.AuthConfig;
import de.hanse.core.config.NodeConfig;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;

/**
 * The real Keycloak started by {@code .ci/keycloak.sh} (realms from {@code config/keycloak/}), found through the
 * environment it exports: {@code HANSE_KEYCLOAK_URL} (required, tests are skipped without it),
 * {@code HANSE_KEYCLOAK_ISSUER}, {@code HANSE_KEYCLOAK_PEER_ISSUER}, {@code HANSE_KEYCLOAK_ADMIN_USER},
 * {@code HANSE_KEYCLOAK_ADMIN_PASSWORD} (defaults derived from the URL and the script's defaults).
 */
final class KeycloakFixture {
    static final String AUDIENCE = "federation-api";
    private static final ObjectMapper JSON = new ObjectMapper();

    final String url;
    final String issuer;
    final String peerIssuer;
    private final String adminUser;
    private final String adminPassword;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private KeycloakFixture(String url) {
        this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.issuer = env("HANSE_KEYCLOAK_ISSUER", this.url + "/realms/federation");
        this.peerIssuer = env("HANSE_KEYCLOAK_PEER_ISSUER", this.url + "/realms/city");
        this.adminUser = env("HANSE_KEYCLOAK_ADMIN_USER", "admin");
        this.adminPassword = env("HANSE_KEYCLOAK_ADMIN_PASSWORD", "admin-password");
    }

    /** The running Keycloak, or the test is skipped (JUnit assumption) when {@code HANSE_KEYCLOAK_URL} is unset. */
    static KeycloakFixture require() {
        String url = System.getenv("HANSE_KEYCLOAK_URL");
        Assumptions.assumeTrue(url != null && !url.isBlank(), "HANSE_KEYCLOAK_URL not set: start Keycloak with .ci/keycloak.sh");
        return new KeycloakFixture(url);
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    /** A node trusting {@code issuer}, with the catalogue closed to callers without {@code catalogue-reader}. */
    static NodeConfig secured(String name, String issuer) {
        return NodeConfig.inMemory(name).withAuth(new AuthConfig(true, List.of(issuer), AUDIENCE, null, null, null,
                Map.of("catalogue-read", "catalogue-reader"), null));
    }

    static String tokenUrl(String issuer) {
        return issuer + "/protocol/openid-connect/token";
    }

    /** A client-credentials token of the confidential client {@code clientId} in the realm of {@code issuer}. */
    String clientCredentials(String issuer, String clientId, String secret) {
        return token(issuer, Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
    }

    /** A password-grant token of {@code user} (password {@code <user>-password}) through the public CLI client. */
    String password(String user) {
        return token(issuer, Map.of("grant_type", "password", "client_id", "federation-cli", "username", user,
                "password", user + "-password"));
    }

    private String token(String realmIssuer, Map<String, String> form) {
        JsonNode r = post(tokenUrl(realmIssuer), form, null);
        return r.path("access_token").asText();
    }

    /**
     * Rotates the realm's signing key through the admin API: a new {@code rsa-generated} key provider with a higher
     * priority, so new tokens are signed with a new {@code kid} while the old key stays published.
     */
    void rotateKey(String realm, int priority) {
        String admin = token(url + "/realms/master", Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", adminUser, "password", adminPassword));
        JsonNode realmRep = send(HttpRequest.newBuilder(URI.create(url + "/admin/realms/" + realm)).GET(), admin);
        String component = "{\"name\":\"rotated-" + priority + "\",\"providerId\":\"rsa-generated\","
                + "\"providerType\":\"org.keycloak.keys.KeyProvider\",\"parentId\":\"" + realmRep.path("id").asText() + "\","
                + "\"config\":{\"priority\":[\"" + priority + "\"],\"keySize\":[\"2048\"],\"active\":[\"true\"],"
                + "\"enabled\":[\"true\"],\"algorithm\":[\"RS256\"]}}";
        send(HttpRequest.newBuilder(URI.create(url + "/admin/realms/" + realm + "/components"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(component)), admin);
    }

    /** The {@code kid} in a token's header. */
    static String kid(String token) {
        try {
            return JSON.readTree(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[0])).path("kid").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode post(String uri, Map<String, String> form, String bearer) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(uri)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)), bearer);
    }

    private JsonNode send(HttpRequest.Builder b, String bearer) {
        if (bearer != null) b.header("Authorization", "Bearer " + bearer);
        try {
            HttpResponse<String> r = client.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) throw new IllegalStateException("Keycloak answered " + r.statusCode() + ": " + r.body());
            return r.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(r.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
