package de.hanse.harvest;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on 127.0.0.1 (JDK HttpServer, port 0) serving fixed pages, to play a harvest source in tests:
 * status, content type and body per path can be changed between runs. Honours If-None-Match with the page's ETag.
 */
public final class PageServer implements AutoCloseable {
    public record Response(int status, String contentType, String body, String etag) {}

    private final HttpServer server;
    private final Map<String, Response> pages = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger notModified = new AtomicInteger();

    public PageServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            requests.incrementAndGet();
            String key = ex.getRequestURI().getRawPath() + (ex.getRequestURI().getRawQuery() != null ? "?" + ex.getRequestURI().getRawQuery() : "");
            Response r = pages.get(key);
            if (r == null) r = new Response(404, "text/plain", "not found", null);
            String inm = ex.getRequestHeaders().getFirst("If-None-Match");
            if (r.etag() != null) ex.getResponseHeaders().add("ETag", r.etag());
            if (r.etag() != null && r.etag().equals(inm)) {
                notModified.incrementAndGet();
                ex.sendResponseHeaders(304, -1);
                ex.close();
                return;
            }
            byte[] b = r.body().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", r.contentType());
            ex.sendResponseHeaders(r.status(), b.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(b);
            }
        });
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public void page(String path, String turtle) {
        pages.put(path, new Response(200, "text/turtle", turtle, null));
    }

    public void page(String path, Response r) {
        pages.put(path, r);
    }

    public int requests() {
        return requests.get();
    }

    public int notModified() {
        return notModified.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
