package de.hanse.node.ngsild;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback HTTP server standing in for third-party parts of a federation: it serves JSON-LD context documents
 * ({@code /ctx/<name>} from {@code src/test/resources/ngsild/<name>}) and simulates broken brokers: {@code /slow}
 * answers after 2 s, {@code /garbage} answers 200 with invalid JSON, {@code /record} answers {@code []} and keeps
 * the request headers, {@code /sluggish} counts its requests and answers one parking site (full IRIs) after 500 ms.
 */
final class StubBroker implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(8);
    final List<Map<String, List<String>>> recorded = new CopyOnWriteArrayList<>();
    final List<URI> recordedUris = new CopyOnWriteArrayList<>();
    final java.util.concurrent.atomic.AtomicInteger sluggishCalls = new java.util.concurrent.atomic.AtomicInteger();
    static final String SLUGGISH_ID = "urn:ngsi-ld:OffStreetParking:stub-sluggish";

    StubBroker() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/ctx/", this::context);
        server.createContext("/slow/", ex -> {
            try {
                Thread.sleep(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            send(ex, 200, "[]");
        });
        server.createContext("/sluggish/", ex -> {
            sluggishCalls.incrementAndGet();
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            send(ex, 200, "[{\"id\":\"" + SLUGGISH_ID + "\",\"type\":\"https://smartdatamodels.org/dataModel.Parking/OffStreetParking\","
                    + "\"https://smartdatamodels.org/dataModel.Parking/availableSpotNumber\":{\"type\":\"Property\",\"value\":12}}]");
        });
        server.createContext("/garbage/", ex -> send(ex, 200, "[{\"id\": \"urn:x:1\", \"type\": oops"));
        server.createContext("/record/", ex -> {
            recorded.add(Map.copyOf(ex.getRequestHeaders()));
            recordedUris.add(ex.getRequestURI());
            send(ex, 200, "[]");
        });
        server.setExecutor(pool);
        server.start();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + path);
    }

    /** The URL of a context document under {@code src/test/resources/ngsild/}. */
    String context(String name) {
        return uri("ctx/" + name).toString();
    }

    private void context(HttpExchange ex) throws IOException {
        String name = ex.getRequestURI().getPath().substring("/ctx/".length());
        try (InputStream in = StubBroker.class.getResourceAsStream("/ngsild/" + name)) {
            if (in == null || name.contains("..")) send(ex, 404, "{}");
            else send(ex, 200, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        try {
            ex.sendResponseHeaders(status, b.length);
            ex.getResponseBody().write(b);
        } catch (IOException e) {
            // the client gave up (timeout test): nothing to answer
        } finally {
            ex.close();
        }
    }

    /** A test resource as text. */
    static String resource(String name) {
        try (InputStream in = StubBroker.class.getResourceAsStream("/ngsild/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
