package de.hanse.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import de.hanse.core.http.CallContext;
import de.hanse.core.http.OutboundHttp;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Outbound calls to a real loopback server carry the request id. */
class TraceparentDecoratorTest {
    private static final String TP = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private HttpServer peer;
    private OutboundHttp http;
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() throws Exception {
        peer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        peer.createContext("/", ex -> {
            String h = ex.getRequestHeaders().getFirst("traceparent");
            received.add(h == null ? "none" : h);
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        peer.start();
        http = new OutboundHttp(2);
        http.addDecorator(new TraceparentDecorator());
    }

    @AfterEach
    void stop() {
        peer.stop(0);
        http.close();
        TraceContext.exit();
    }

    private String call(CallContext ctx) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + peer.getAddress().getPort() + "/x");
        http.send(http.request(uri, ctx).GET().build(), HttpResponse.BodyHandlers.discarding());
        return received.poll(5, TimeUnit.SECONDS);
    }

    @Test
    void takesTheTraceparentFromTheCallContext() throws Exception {
        assertThat(call(new CallContext(null, null, TP, Instant.now().plusSeconds(5)))).isEqualTo(TP);
    }

    @Test
    void fallsBackToTheRequestIdInTheMdc() throws Exception {
        Traceparent tp = Traceparent.parse(TP).orElseThrow();
        TraceContext.enter(tp);
        assertThat(call(CallContext.forUrl(Duration.ofSeconds(5)))).isEqualTo(TP);
    }

    @Test
    void carriesTheRequestIdToWorkerThreads() throws Exception {
        TraceContext.enter(Traceparent.parse(TP).orElseThrow());
        var pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            String seen = pool.submit(TraceContext.propagate(() -> call(CallContext.forUrl(Duration.ofSeconds(5))))).get(10, TimeUnit.SECONDS);
            assertThat(seen).isEqualTo(TP);
            assertThat(pool.submit(TraceContext::currentTraceparent).get()).as("worker MDC restored afterwards").isNull();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void sendsNothingOutsideARequestAndNeverAMalformedValue() throws Exception {
        assertThat(call(CallContext.forUrl(Duration.ofSeconds(5)))).isEqualTo("none");
        assertThat(call(new CallContext(null, null, "00-evil\r\nX-Injected: 1", Instant.now().plusSeconds(5)))).isEqualTo("none");
    }
}
