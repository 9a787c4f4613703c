package de.hanse.ngsild.federation.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import de.hanse.core.http.OutboundHttp;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link BoundedBody} against a real loopback server: caps the body and never blocks the client's few threads. */
class BoundedBodyTest {
    private HttpServer server;
    private ExecutorService serverPool;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            int n = Integer.parseInt(ex.getRequestURI().getQuery());
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = "x".repeat(n).getBytes();
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        serverPool = Executors.newFixedThreadPool(32);
        server.setExecutor(serverPool);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        serverPool.shutdownNow();
    }

    private URI uri(int bytes) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/?" + bytes);
    }

    @Test
    void capsTheBody() throws Exception {
        ExecutorService clientPool = Executors.newFixedThreadPool(2);
        HttpClient client = HttpClient.newBuilder().executor(clientPool).build();
        assertThat(client.sendAsync(HttpRequest.newBuilder(uri(1000)).build(), BoundedBody.handler(1000)).get().body()).hasSize(1000);
        assertThatThrownBy(() -> client.sendAsync(HttpRequest.newBuilder(uri(200_000)).build(), BoundedBody.handler(1000)).get())
                .isInstanceOf(ExecutionException.class)
                .satisfies(e -> assertThat(rootCause(e)).isInstanceOf(OutboundHttp.BodyTooLargeException.class));
        clientPool.shutdownNow();
    }

    @Test
    void manyConcurrentCallsOnTwoClientThreadsAllComplete() throws Exception {
        ExecutorService clientPool = Executors.newFixedThreadPool(2);
        HttpClient client = HttpClient.newBuilder().executor(clientPool).build();
        CompletableFuture<?>[] all = new CompletableFuture<?>[64];
        for (int i = 0; i < all.length; i++)
            all[i] = client.sendAsync(HttpRequest.newBuilder(uri(5_000)).build(), BoundedBody.handler(10_000));
        CompletableFuture.allOf(all).get(20, TimeUnit.SECONDS);
        for (CompletableFuture<?> f : all) assertThat(f).isCompleted();
        clientPool.shutdownNow();
    }

    private static Throwable rootCause(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t;
    }
}
