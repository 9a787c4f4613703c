package de.hanse.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link OutboundHttp#exchange} against real loopback servers. */
class OutboundHttpExchangeTest {
    private HttpServer server;
    private ExecutorService serverPool;
    private final OutboundHttp http = new OutboundHttp(4);
    private final List<String> reported = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/answer", ex -> {
            byte[] body = ("link=" + ex.getRequestHeaders().getFirst("Link") + " ua=" + ex.getRequestHeaders().getFirst("User-Agent"))
                    .getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("NGSILD-Results-Count", "7");
            ex.getResponseHeaders().add("NGSILD-Warning", "199 a \"one\"");
            ex.getResponseHeaders().add("NGSILD-Warning", "199 b \"two\"");
            ex.sendResponseHeaders(201, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.createContext("/big", ex -> {
            boolean chunked = ex.getRequestURI().getQuery() != null;
            byte[] body = "x".repeat(200_000).getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, chunked ? 0 : body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            } catch (java.io.IOException e) {
                // the client stopped reading: expected
            }
        });
        server.createContext("/slow", ex -> {
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        serverPool = Executors.newFixedThreadPool(8);
        server.setExecutor(serverPool);
        server.start();
        http.observe(new OutboundHttp.CallObserver() {
            @Override
            public void finished(CallTag tag, int status, Throwable failure, Duration took) {
                reported.add(tag.peer() + " " + status + (failure == null ? "" : " " + failure.getClass().getSimpleName()));
            }

            @Override
            public void refused(CallTag tag) {
                reported.add(tag.peer() + " refused");
            }
        });
    }

    @AfterEach
    void stop() {
        server.stop(0);
        serverPool.shutdownNow();
        http.close();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private static CallContext call(Duration timeout) {
        return CallContext.forUrl(timeout).tagged("peer-a", "ngsi-ld-query");
    }

    private OutboundHttp.Exchange get(URI uri, Duration timeout, long maxBytes) throws Exception {
        CallContext call = call(timeout);
        return http.exchange(http.request(uri, call).header("Link", "<urn:ctx>").GET().build(), maxBytes, call);
    }

    @Test
    void returnsStatusHeadersAndBodyAndSendsTheRequestHeaders() throws Exception {
        OutboundHttp.Exchange x = get(uri("/answer"), Duration.ofSeconds(5), 1_000);
        assertThat(x.status()).isEqualTo(201);
        assertThat(new String(x.body(), StandardCharsets.UTF_8)).isEqualTo("link=<urn:ctx> ua=" + OutboundHttp.USER_AGENT);
        assertThat(x.headers().firstValueAsLong("ngsild-results-count")).hasValue(7);
        assertThat(x.headers().allValues("NGSILD-WARNING")).containsExactly("199 a \"one\"", "199 b \"two\"");
        assertThat(reported).containsExactly("peer-a 201");
    }

    @Test
    void capsTheBodyWithAndWithoutContentLength() {
        assertThatThrownBy(() -> get(uri("/big"), Duration.ofSeconds(5), 1_000)).isInstanceOf(OutboundHttp.BodyTooLargeException.class);
        assertThatThrownBy(() -> get(uri("/big?chunked"), Duration.ofSeconds(5), 1_000)).isInstanceOf(OutboundHttp.BodyTooLargeException.class);
        assertThat(reported).containsExactly("peer-a 0 BodyTooLargeException", "peer-a 0 BodyTooLargeException");
    }

    @Test
    void aSlowPeerTimesOutAtTheRequestsTimeout() {
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> get(uri("/slow"), Duration.ofMillis(300), 1_000)).isInstanceOf(HttpTimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(2_500));
        assertThat(reported).containsExactly("peer-a 0 HttpTimeoutException");
    }

    @Test
    void anUnreachablePeerIsAConnectException() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        assertThatThrownBy(() -> get(URI.create("http://127.0.0.1:" + port + "/x"), Duration.ofSeconds(5), 1_000))
                .isInstanceOf(ConnectException.class);
    }

    /**
     * A peer that keeps no connection alive but does not say so (it closes the socket after each answer): the next
     * call finds its pooled connection dead, gets no response at all, and is sent again on a new connection.
     */
    @Test
    void aPooledConnectionThePeerClosedIsReplacedTransparently() throws Exception {
        AtomicInteger accepted = new AtomicInteger();
        try (ServerSocket s = new ServerSocket(0, 8, java.net.InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                while (!s.isClosed()) {
                    try (Socket c = s.accept()) {
                        accepted.incrementAndGet();
                        BufferedReader in = new BufferedReader(new InputStreamReader(c.getInputStream(), StandardCharsets.ISO_8859_1));
                        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) { }
                        c.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Type: application/json\r\n\r\n[]"
                                .getBytes(StandardCharsets.ISO_8859_1));
                        c.getOutputStream().flush();
                    } catch (java.io.IOException e) {
                        // closed
                    }
                }
            }, "closing-peer");
            t.setDaemon(true);
            t.start();
            URI u = URI.create("http://127.0.0.1:" + s.getLocalPort() + "/entities");
            for (int i = 0; i < 3; i++) {
                OutboundHttp.Exchange x = get(u, Duration.ofSeconds(5), 1_000);
                assertThat(x.status()).isEqualTo(200);
                assertThat(new String(x.body(), StandardCharsets.UTF_8)).isEqualTo("[]");
                Thread.sleep(50);   // the peer has closed its end by now
            }
            assertThat(accepted).hasValue(3);
        }
    }
}
