package de.hanse.bench.harvest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A DCAT-AP source on 127.0.0.1 (port 0) that generates Hydra pages on the fly: {@code /catalogue?page=N}. Every
 * answer carries an ETag (version and page); {@link #conditional(boolean)} decides whether If-None-Match is
 * honoured with a 304, so the same run can measure re-harvests with and without conditional GET.
 */
final class CatalogueServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(2);
    private final CatalogueGenerator generator;
    private final int size;
    private final int pageSize;
    private volatile int version;
    private volatile boolean conditional;
    private volatile boolean stamped;
    private final AtomicInteger served = new AtomicInteger();
    private final AtomicInteger notModified = new AtomicInteger();

    CatalogueServer(CatalogueGenerator generator, int size, int pageSize) throws IOException {
        this.generator = generator;
        this.size = size;
        this.pageSize = pageSize;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.setExecutor(pool);
        server.createContext("/catalogue", this::handle);
        server.start();
    }

    String firstPage() {
        return pageUrl(1);
    }

    String pageUrl(int page) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/catalogue?page=" + page;
    }

    int pages() {
        return (size + pageSize - 1) / pageSize;
    }

    void version(int v) {
        version = v;
    }

    void conditional(boolean on) {
        conditional = on;
    }

    /** Adds a per-request comment to every page, as dynamic exports do: bytes differ, records do not. */
    void stamped(boolean on) {
        stamped = on;
    }

    int notModified() {
        return notModified.get();
    }

    /** The page as Turtle (also used to write the loader's input files). */
    String page(int page, int v) {
        int from = (page - 1) * pageSize;
        int to = Math.min(size, from + pageSize);
        return generator.page(pageUrl(page), page < pages() ? pageUrl(page + 1) : null, from, to, v);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String q = ex.getRequestURI().getQuery();
            int page = q != null && q.startsWith("page=") ? Integer.parseInt(q.substring(5)) : 1;
            if (page < 1 || page > pages()) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            int v = version;
            String etag = "\"v" + v + "-p" + page + "\"";
            ex.getResponseHeaders().add("ETag", etag);
            if (conditional && etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                notModified.incrementAndGet();
                ex.sendResponseHeaders(304, -1);
                return;
            }
            String turtle = page(page, v) + (stamped ? "# generated for request " + served.get() + " at " + System.nanoTime() + "\n" : "");
            byte[] body = turtle.getBytes(StandardCharsets.UTF_8);
            served.incrementAndGet();
            ex.getResponseHeaders().add("Content-Type", "text/turtle; charset=utf-8");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
