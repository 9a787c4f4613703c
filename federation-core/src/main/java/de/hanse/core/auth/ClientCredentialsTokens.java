package de.hanse.core.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.hanse.core.config.PeerAuthConfig;
import de.hanse.core.config.PeerConfig;
import de.hanse.core.http.CallContext;
import de.hanse.core.http.OutboundHttp;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Access tokens of this node's own client at peers' Keycloaks (OAuth 2.0 client credentials, client secret sent
 * with HTTP Basic). A token is cached per peer until shortly before it expires (30 s, or half its lifetime if that
 * is shorter). The secret is read from {@link PeerAuthConfig#clientSecretFile()} or the environment variable
 * {@link PeerAuthConfig#clientSecretEnv()} at each token request (so a rotated secret file is picked up) and never
 * logged, printed or put into an exception message. Thread-safe: one token request per peer at a time.
 */
public final class ClientCredentialsTokens {
    private static final Logger LOG = LoggerFactory.getLogger(ClientCredentialsTokens.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    private static final long MAX_RESPONSE_BYTES = 64 * 1024;

    private record Cached(String token, Instant refreshAt) {
        @Override
        public String toString() {
            return "Cached[token=***, refreshAt=" + refreshAt + "]";
        }
    }

    private final OutboundHttp http;
    private final Function<String, String> env;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    public ClientCredentialsTokens(OutboundHttp http, Function<String, String> env) {
        this.http = http;
        this.env = env;
    }

    /** A valid access token for {@code peer}, fetched if none is cached; the call's deadline bounds the fetch. */
    public String token(PeerConfig peer, CallContext call) throws IOException {
        Cached c = cache.get(peer.name());
        if (c != null && Instant.now().isBefore(c.refreshAt())) return c.token();
        synchronized (locks.computeIfAbsent(peer.name(), k -> new Object())) {
            c = cache.get(peer.name());
            if (c != null && Instant.now().isBefore(c.refreshAt())) return c.token();
            c = fetch(peer, call);
            cache.put(peer.name(), c);
            return c.token();
        }
    }

    /** Forgets the cached token of a peer (e.g. after the peer answered 401). */
    public void invalidate(String peerName) {
        cache.remove(peerName);
    }

    private Cached fetch(PeerConfig peer, CallContext call) throws IOException {
        PeerAuthConfig a = peer.auth();
        String secret = secret(peer.name(), a);
        String form = "grant_type=client_credentials" + (a.scope() == null ? "" : "&scope=" + enc(a.scope()));
        String basic = Base64.getEncoder().encodeToString((enc(a.clientId()) + ":" + enc(secret)).getBytes(StandardCharsets.UTF_8));
        CallContext tokenCall = new CallContext(null, null, call.traceparent(), Instant.now().plus(call.remainingAtMost(REQUEST_TIMEOUT)));
        HttpRequest request = http.request(URI.create(a.tokenUrl()), tokenCall)
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<byte[]> r;
        try {
            r = http.send(request, OutboundHttp.boundedBytes(MAX_RESPONSE_BYTES));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching a token for peer " + peer.name());
        }
        if (r.statusCode() != 200)
            throw new IOException("token endpoint " + a.tokenUrl() + " refused client '" + a.clientId() + "' for peer "
                    + peer.name() + ": HTTP " + r.statusCode());
        JsonNode body = JSON.readTree(r.body());
        String token = body.path("access_token").asText("");
        if (token.isEmpty()) throw new IOException("token endpoint " + a.tokenUrl() + " sent no access_token");
        long lifetime = Math.max(1, body.path("expires_in").asLong(60));
        long margin = Math.min(30, lifetime / 2);
        LOG.debug("got a token for peer {} from {} valid for {} s", peer.name(), a.tokenUrl(), lifetime);
        return new Cached(token, Instant.now().plusSeconds(lifetime - margin));
    }

    private String secret(String peer, PeerAuthConfig a) throws IOException {
        String s = null;
        if (a.clientSecretFile() != null) {
            Path f = Path.of(a.clientSecretFile());
            if (Files.isReadable(f) && Files.size(f) <= 4096) s = Files.readString(f, StandardCharsets.UTF_8).trim();
        }
        if ((s == null || s.isEmpty()) && a.clientSecretEnv() != null) s = env.apply(a.clientSecretEnv());
        if (s == null || s.isBlank())
            throw new IOException("no client secret for peer " + peer + " (looked in " + a + ")");
        return s.trim();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "ClientCredentialsTokens[cached peers=" + cache.keySet() + "]";
    }
}
