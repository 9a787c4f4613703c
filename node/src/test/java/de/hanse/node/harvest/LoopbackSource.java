package de.hanse.node.harvest;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A DCAT source on 127.0.0.1 (JDK HttpServer, port 0) serving Turtle documents by path, optionally slowly (a delay
 * before each answer), counting the pages served. For harvest ITs that need a real remote source.
 */
final class LoopbackSource implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(2);
    private final Map<String, String> pages = new ConcurrentHashMap<>();
    private final AtomicInteger served = new AtomicInteger();
    private volatile long delayMillis;

    LoopbackSource() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
        server.setExecutor(pool);
        server.createContext("/", ex -> {
            try (ex) {
                if (delayMillis > 0) Thread.sleep(delayMillis);
                String body = pages.get(ex.getRequestURI().getPath());
                if (body == null) {
                    ex.sendResponseHeaders(404, -1);
                    return;
                }
                byte[] b = body.getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().add("Content-Type", "text/turtle");
                ex.sendResponseHeaders(200, b.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(b);
                }
                served.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    void page(String path, String turtle) {
        pages.put(path, turtle);
    }

    void delay(long millis) {
        delayMillis = millis;
    }

    int served() {
        return served.get();
    }

    static final String PREFIXES = """
            @prefix dcat: <http://www.w3.org/ns/dcat#> .
            @prefix dct: <http://purl.org/dc/terms/> .
            @prefix hydra: <http://www.w3.org/ns/hydra/core#> .
            @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
            """;

    /** A small DCAT-AP dataset with one distribution. */
    static String dataset(String iri, String title, String modified) {
        return """
                <%1$s> a dcat:Dataset ; dct:title "%2$s"@de ; dct:description "Über %2$s"@de ; dct:identifier "%1$s" ;
                  dct:modified "%3$s"^^xsd:date ; dcat:distribution <%1$s/csv> .
                <%1$s/csv> a dcat:Distribution ; dcat:accessURL <%1$s/data.csv> ; dct:format "CSV" .
                """.formatted(iri, title, modified);
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
