package de.hanse.core.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * All outbound HTTP of a node (harvest fetches, peer calls, token and JWKS requests). One shared
 * {@link HttpClient} on a bounded thread pool; every call carries a deadline ({@link CallContext}); registered
 * {@link Decorator}s add headers in order (auth per peer, {@code traceparent}, user agent) like a handler chain.
 * A call sent with a {@link CallContext} that carries a {@link CallTag} is reported to the {@link CallObserver}
 * (per-peer metrics): its latency up to the response the body handler produced (headers only for streaming
 * handlers, the whole body for buffered ones) and its status or failure; a tagged call whose deadline passed before
 * it was sent is reported as refused.
 *
 * <p>Thread-safe. Decorators and the observer are registered during assembly, before the node starts.
 */
public final class OutboundHttp implements AutoCloseable {

    /** Adds headers to an outbound request. Must be thread-safe and must not log secrets. */
    @FunctionalInterface
    public interface Decorator {
        void decorate(HttpRequest.Builder request, CallContext call) throws IOException;
    }

    /** Told about every tagged call. Must be thread-safe and cheap: it runs on the calling or HTTP client thread. */
    public interface CallObserver {
        /** A call finished: {@code status} is the HTTP status, or 0 when it failed with {@code failure}. */
        void finished(CallTag tag, int status, Throwable failure, Duration took);

        /** A call was not sent because its deadline had already passed. */
        void refused(CallTag tag);
    }

    private static final CallObserver NO_OBSERVER = new CallObserver() {
        @Override
        public void finished(CallTag tag, int status, Throwable failure, Duration took) {
        }

        @Override
        public void refused(CallTag tag) {
        }
    };

    public static final String USER_AGENT = "Hanse/0.1 (+https://w3id.org/hanse)";

    private final ExecutorService executor;
    private final HttpClient client;
    private final List<Decorator> decorators = new CopyOnWriteArrayList<>();
    private volatile CallObserver observer = NO_OBSERVER;

    public OutboundHttp(int maxThreads) {
        this.executor = new ThreadPoolExecutor(maxThreads, maxThreads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(10_000),
                r -> {
                    Thread t = new Thread(r, "hanse-http");
                    t.setDaemon(true);
                    return t;
                });
        ((ThreadPoolExecutor) executor).allowCoreThreadTimeOut(true);
        this.client = HttpClient.newBuilder()
                .executor(executor)
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    public void addDecorator(Decorator d) {
        decorators.add(d);
    }

    /** Sets the one observer of tagged calls (the node's per-peer metrics). */
    public void observe(CallObserver o) {
        observer = o == null ? NO_OBSERVER : o;
    }

    public HttpClient client() {
        return client;
    }

    /** A request builder with the deadline applied and every decorator run. */
    public HttpRequest.Builder request(java.net.URI uri, CallContext call) throws IOException {
        Duration left = call.remaining();
        if (left.isZero()) {
            if (call.tag() != null) observer.refused(call.tag());
            throw new HttpTimeoutException("deadline passed before calling " + uri);
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(left).header("User-Agent", USER_AGENT);
        for (Decorator d : decorators) d.decorate(b, call);
        return b;
    }

    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException, InterruptedException {
        return client.send(request, handler);
    }

    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        return client.sendAsync(request, handler);
    }

    /** {@link #send(HttpRequest, HttpResponse.BodyHandler)}, reported to the observer when {@code call} is tagged. */
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler, CallContext call)
            throws IOException, InterruptedException {
        CallTag tag = call.tag();
        if (tag == null) return send(request, handler);
        long start = System.nanoTime();
        try {
            HttpResponse<T> r = client.send(request, handler);
            observer.finished(tag, r.statusCode(), null, since(start));
            return r;
        } catch (IOException | InterruptedException | RuntimeException e) {
            observer.finished(tag, 0, e, since(start));
            throw e;
        }
    }

    /** {@link #sendAsync(HttpRequest, HttpResponse.BodyHandler)}, reported to the observer when {@code call} is tagged. */
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler, CallContext call) {
        CallTag tag = call.tag();
        if (tag == null) return sendAsync(request, handler);
        long start = System.nanoTime();
        return client.sendAsync(request, handler).whenComplete((r, e) -> {
            if (e == null) observer.finished(tag, r.statusCode(), null, since(start));
            else if (!(e instanceof java.util.concurrent.CancellationException)) observer.finished(tag, 0, e, since(start));
        });
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /**
     * A body handler that reads at most {@code maxBytes}; more fails with {@link BodyTooLargeException}. The body is
     * read fully into memory, so use it for bounded documents (a page, a peer's answer), never a whole catalogue.
     */
    public static HttpResponse.BodyHandler<byte[]> boundedBytes(long maxBytes) {
        return info -> HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofInputStream(), in -> readBounded(in, maxBytes));
    }

    public static byte[] readBounded(InputStream in, long maxBytes) {
        try (in) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            byte[] buf = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buf)) > 0) {
                total += n;
                if (total > maxBytes) throw new BodyTooLargeException(maxBytes);
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A response body exceeded its cap. */
    public static final class BodyTooLargeException extends RuntimeException {
        public BodyTooLargeException(long max) {
            super("response larger than " + max + " bytes");
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
