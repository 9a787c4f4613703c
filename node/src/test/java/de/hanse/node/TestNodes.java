package de.hanse.node;

import de.hanse.core.config.NodeConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Boots real Hanse nodes on port 0 with in-memory TDB2 for integration tests, and closes them all at the end.
 * Use as a field with {@code @AfterEach void close() { nodes.close(); }} or try-with-resources.
 */
public final class TestNodes implements AutoCloseable {
    private final List<HanseNode> started = new ArrayList<>();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Starts an in-memory node named {@code name} with default settings. */
    public HanseNode start(String name) {
        return start(NodeConfig.inMemory(name));
    }

    public HanseNode start(NodeConfig config) {
        HanseNode node = HanseNode.start(config);
        started.add(node);
        return node;
    }

    public HttpResponse<String> get(HanseNode node, String pathAndQuery, String... headers) {
        return send(HttpRequest.newBuilder(node.baseUri().resolve(pathAndQuery)).GET(), headers);
    }

    public HttpResponse<String> post(HanseNode node, String path, String contentType, String body, String... headers) {
        return send(HttpRequest.newBuilder(node.baseUri().resolve(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)), headers);
    }

    public HttpResponse<String> send(HttpRequest.Builder b, String... headers) {
        for (int i = 0; i + 1 < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        try {
            return client.send(b.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** URL-encodes a query for {@code /sparql?query=}. */
    public static String sparql(String query) {
        return "sparql?query=" + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8);
    }

    public static URI uri(HanseNode node, String path) {
        return node.baseUri().resolve(path);
    }

    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) started.get(i).close();
        started.clear();
    }
}
