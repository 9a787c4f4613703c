package de.hanse.harvest.source.paged;

import com.sun.net.httpserver.HttpServer;
import de.hanse.core.config.HarvestSourceConfig;
import de.hanse.core.http.CallContext;
import de.hanse.core.http.OutboundHttp;
import de.hanse.harvest.ConditionalCache;
import de.hanse.harvest.HarvestContext;
import de.hanse.harvest.HarvestException;
import de.hanse.harvest.fetch.Fetcher;
import de.hanse.harvest.source.Page;
import de.hanse.harvest.source.PageSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server on 127.0.0.1, port 0, answering every request through a handler function; it records the
 * requests it saw (method, path and query, body) so tests can assert what a source asked for.
 */
public final class FixtureServer implements AutoCloseable {
    /** A recorded request. */
    public record Request(String method, String pathAndQuery, String body) {}

    /** A response: status, content type and body. */
    public record Response(int status, String contentType, byte[] body) {
        public static Response ok(String contentType, byte[] body) {
            return new Response(200, contentType, body);
        }
    }

    @FunctionalInterface
    public interface Handler {
        Response handle(Request r) throws IOException;
    }

    /** Outbound HTTP shared by the source tests (daemon threads; lives as long as the test JVM). */
    public static final OutboundHttp HTTP = new OutboundHttp(4);

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    public FixtureServer(Handler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            try (ex) {
                String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Request r = new Request(ex.getRequestMethod(), ex.getRequestURI().toString(), body);
                requests.add(r);
                Response resp = handler.handle(r);
                ex.getResponseHeaders().add("Content-Type", resp.contentType());
                ex.sendResponseHeaders(resp.status(), resp.body().length == 0 ? -1 : resp.body().length);
                if (resp.body().length > 0) ex.getResponseBody().write(resp.body());
            }
        });
        server.start();
    }

    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Request> requests() {
        return requests;
    }

    public static byte[] resource(String path) {
        try (InputStream in = FixtureServer.class.getResourceAsStream("/" + path)) {
            if (in == null) throw new IllegalArgumentException("no test resource " + path);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A harvest context with real outbound HTTP, a 1 MiB page cap and a 30 s run deadline. */
    public static HarvestContext context(OutboundHttp http) {
        return new HarvestContext(http, CallContext.forUrl(Duration.ofSeconds(30)),
                new Fetcher(http, 1 << 20, Duration.ofSeconds(10)), new ConditionalCache());
    }

    public static HarvestSourceConfig source(String type, String url, int maxPages) {
        return new HarvestSourceConfig("test", type, url, null, null, maxPages, null, null, null, null, null);
    }

    /** Reads every page of a source. */
    public static List<Page> readAll(PageSource s) throws HarvestException {
        List<Page> pages = new ArrayList<>();
        try (s) {
            for (Page p = s.next(); p != null; p = s.next()) pages.add(p);
        }
        return pages;
    }

    /** ASK {@code where} (prefixed by {@code prefixes}) against {@code g}. */
    public static boolean ask(org.apache.jena.graph.Graph g, String prefixes, String where) {
        try (var qe = org.apache.jena.query.QueryExecutionFactory.create(prefixes + "ASK {" + where + "}",
                org.apache.jena.rdf.model.ModelFactory.createModelForGraph(g))) {
            return qe.execAsk();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
