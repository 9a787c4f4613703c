package de.hanse.core.auth;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jsonwebtoken.Jwts;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A minimal OIDC issuer for tests: a real JDK HTTP server on 127.0.0.1 (port 0) serving discovery, a JWKS of RSA
 * keys generated here, and a client-credentials token endpoint; it signs tokens with those keys.
 */
public final class TestIssuer implements AutoCloseable {
    public static final String AUDIENCE = "federation-api";

    private final HttpServer server;
    private final String issuer;
    private final Map<String, KeyPair> published = new ConcurrentHashMap<>();
    public final AtomicInteger jwksRequests = new AtomicInteger();
    public final AtomicInteger discoveryRequests = new AtomicInteger();
    public final AtomicInteger tokenRequests = new AtomicInteger();
    public final List<String> tokenRequestBodies = java.util.Collections.synchronizedList(new ArrayList<>());
    private volatile String clientId = "node", clientSecret = "s3cret-value";
    private volatile long tokenLifetimeSeconds = 300;
    private volatile int jwksPadding;

    private TestIssuer(String realm) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/" + realm;
        String path = "/realms/" + realm;
        server.createContext(path + "/.well-known/openid-configuration", ex -> {
            discoveryRequests.incrementAndGet();
            reply(ex, 200, "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/protocol/openid-connect/certs\","
                    + "\"token_endpoint\":\"" + tokenUrl() + "\"}");
        });
        server.createContext(path + "/protocol/openid-connect/certs", ex -> {
            jwksRequests.incrementAndGet();
            reply(ex, 200, jwks());
        });
        server.createContext(path + "/protocol/openid-connect/token", this::token);
        server.start();
    }

    public static TestIssuer start(String realm) throws IOException {
        TestIssuer t = new TestIssuer(realm);
        t.addKey("key-1");
        return t;
    }

    public String issuer() {
        return issuer;
    }

    public String tokenUrl() {
        return issuer + "/protocol/openid-connect/token";
    }

    public void client(String id, String secret, long lifetimeSeconds) {
        clientId = id;
        clientSecret = secret;
        tokenLifetimeSeconds = lifetimeSeconds;
    }

    /** Generates an RSA-2048 key and publishes it in the JWKS under {@code kid}. */
    public KeyPair addKey(String kid) {
        KeyPair kp = rsa();
        published.put(kid, kp);
        return kp;
    }

    /** Makes the JWKS document larger by about {@code chars}. */
    public void padJwks(int chars) {
        jwksPadding = chars;
    }

    public void removeKey(String kid) {
        published.remove(kid);
    }

    public KeyPair key(String kid) {
        return published.get(kid);
    }

    public static KeyPair rsa() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Claims of a typical Keycloak access token, valid for 5 minutes. */
    public Map<String, Object> claims() {
        Map<String, Object> c = new LinkedHashMap<>();
        Instant now = Instant.now();
        c.put("iss", issuer);
        c.put("sub", "user-1");
        c.put("aud", AUDIENCE);
        c.put("iat", new Date(now.toEpochMilli()));
        c.put("exp", new Date(now.plusSeconds(300).toEpochMilli()));
        c.put("realm_access", Map.of("roles", List.of("catalogue-reader")));
        c.put("resource_access", Map.of(AUDIENCE, Map.of("roles", List.of("ngsild-reader"))));
        c.put("tenant", "tenant-a");
        return c;
    }

    /** An RS256 token signed with the published key {@code kid}, claims adjusted by {@code edit}. */
    public String token(String kid, Consumer<Map<String, Object>> edit) {
        return sign(published.get(kid), kid, edit);
    }

    public String sign(KeyPair key, String kid, Consumer<Map<String, Object>> edit) {
        Map<String, Object> c = claims();
        edit.accept(c);
        return Jwts.builder().header().keyId(kid).and().claims(c).signWith(key.getPrivate(), Jwts.SIG.RS256).compact();
    }

    private String jwks() {
        StringBuilder sb = new StringBuilder("{\"keys\":[");
        // an encryption key first, as Keycloak publishes one: it must be ignored
        sb.append("{\"kid\":\"enc-1\",\"kty\":\"RSA\",\"alg\":\"RSA-OAEP\",\"use\":\"enc\",\"n\":\"").append(b64(BigInteger.TEN))
                .append("\",\"e\":\"AQAB\"}");
        published.forEach((kid, kp) -> {
            RSAPublicKey pub = (RSAPublicKey) kp.getPublic();
            sb.append(",{\"kid\":\"").append(kid).append("\",\"kty\":\"RSA\",\"alg\":\"RS256\",\"use\":\"sig\",\"n\":\"")
                    .append(b64(pub.getModulus())).append("\",\"e\":\"").append(b64(pub.getPublicExponent())).append("\"}");
        });
        return sb.append("],\"padding\":\"").append("x".repeat(jwksPadding)).append("\"}").toString();
    }

    private static String b64(BigInteger v) {
        byte[] bytes = v.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private void token(HttpExchange ex) throws IOException {
        tokenRequests.incrementAndGet();
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        tokenRequestBodies.add(body);
        String basic = "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
        boolean ok = body.contains("grant_type=client_credentials") && basic.equals(ex.getRequestHeaders().getFirst("Authorization"));
        if (!ok) {
            reply(ex, 401, "{\"error\":\"unauthorized_client\"}");
            return;
        }
        String token = token("key-1", c -> {
            c.put("sub", "service-account-" + clientId);
            c.put("azp", clientId);
            c.put("exp", new Date(System.currentTimeMillis() + tokenLifetimeSeconds * 1000));
        });
        reply(ex, 200, "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":" + tokenLifetimeSeconds + "}");
    }

    private static void reply(HttpExchange ex, int status, String json) throws IOException {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        try (var out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
