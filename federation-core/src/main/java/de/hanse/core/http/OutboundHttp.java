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
    /** Blocking client for {@link #exchange} (its I/O runs on the calling thread), made on first use. */
    private volatile org.apache.hc.client5.http.impl.classic.CloseableHttpClient blocking;
    private volatile boolean closed;
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

    /**
     * Pooled HTTP/1.1 connections, up to 256 per peer and 1,024 in all (calls in flight at once: the forwarder's
     * senders and request threads; a call beyond waits for a connection within its own timeout), no cookies,
     * no content compression (a peer's answer is parsed at once; inflating would only cost CPU), redirects followed
     * as by the shared client. Retries only a request that found its pooled connection closed by the peer
     * (no response at all, which is safe for the idempotent calls made here), at once; never on a response, so a
     * peer's 429 or 503 is reported, not waited for.
     */
    private org.apache.hc.client5.http.impl.classic.CloseableHttpClient blocking() throws IOException {
        var b = blocking;
        if (b != null) return b;
        synchronized (this) {
            if (closed) throw new IOException("closed");
            if (blocking == null) blocking = blockingClient();
            return blocking;
        }
    }

    private static org.apache.hc.client5.http.impl.classic.CloseableHttpClient blockingClient() {
        var connections = org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnPerRoute(256)
                .setMaxConnTotal(1_024)
                .setDefaultConnectionConfig(org.apache.hc.client5.http.config.ConnectionConfig.custom()
                        .setConnectTimeout(org.apache.hc.core5.util.Timeout.ofSeconds(10))
                        // a connection idle for longer is checked before reuse (a peer may have closed it)
                        .setValidateAfterInactivity(org.apache.hc.core5.util.TimeValue.ofSeconds(2))
                        .build())
                .build();
        return org.apache.hc.client5.http.impl.classic.HttpClients.custom()
                .setConnectionManager(connections)
                .disableCookieManagement()
                .disableContentCompression()
                .disableAuthCaching()
                .setRetryStrategy(new StaleConnectionRetry())
                .evictIdleConnections(org.apache.hc.core5.util.TimeValue.ofSeconds(30))
                .build();
    }

    /** Retries once, at once, a request that got no response at all (a pooled connection the peer had closed). */
    private static final class StaleConnectionRetry implements org.apache.hc.client5.http.HttpRequestRetryStrategy {
        @Override
        public boolean retryRequest(org.apache.hc.core5.http.HttpRequest request, IOException e, int execCount,
                                    org.apache.hc.core5.http.protocol.HttpContext context) {
            return execCount <= 1 && e instanceof org.apache.hc.core5.http.NoHttpResponseException;
        }

        @Override
        public boolean retryRequest(org.apache.hc.core5.http.HttpResponse response, int execCount,
                                    org.apache.hc.core5.http.protocol.HttpContext context) {
            return false;
        }

        @Override
        public org.apache.hc.core5.util.TimeValue getRetryInterval(org.apache.hc.core5.http.HttpResponse response, int execCount,
                                                                   org.apache.hc.core5.http.protocol.HttpContext context) {
            return org.apache.hc.core5.util.TimeValue.ZERO_MILLISECONDS;
        }
    }

    /** A response read whole by {@link #exchange}: status, headers (looked up case-insensitively) and body. */
    public record Exchange(int status, java.net.http.HttpHeaders headers, byte[] body) {}

    /**
     * Sends a GET built with {@link #request} and reads the whole answer, at most {@code maxBytes}, blocking on the
     * calling thread: the request is written and the answer read by this very thread, with no hand-off to the shared
     * client's selector and executor threads. Meant for peer calls made from threads that wait for them anyway (the
     * NGSI-LD forwarder's senders): each such hand-off cost CPU and latency when 8 peers answer at once.
     *
     * <p>Bounded like {@link #send}: the request's timeout (set from the deadline by {@link #request}) caps the
     * connection, the wait for a pooled connection and every read, and the body is abandoned when the deadline has
     * passed between two reads. Failures: {@link HttpTimeoutException} when the time is up,
     * {@link java.net.ConnectException} when the peer is unreachable, {@link BodyTooLargeException} beyond
     * {@code maxBytes}, other {@link IOException}s. Reported to the observer when {@code call} is tagged.
     */
    public Exchange exchange(HttpRequest request, long maxBytes, CallContext call) throws IOException {
        CallTag tag = call.tag();
        long start = System.nanoTime();
        Duration timeout = request.timeout().orElse(call.remaining());
        long deadline = start + timeout.toNanos();
        var get = new org.apache.hc.client5.http.classic.methods.HttpGet(request.uri());
        request.headers().map().forEach((name, values) -> values.forEach(v -> get.addHeader(name, v)));
        var t = org.apache.hc.core5.util.Timeout.ofMilliseconds(Math.max(1, timeout.toMillis()));
        get.setConfig(requestConfig(t));
        try (var resp = blocking().executeOpen(null, get, null)) {
            byte[] body = read(resp.getEntity(), maxBytes, deadline, get);
            java.util.Map<String, List<String>> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (var h : resp.getHeaders()) headers.computeIfAbsent(h.getName(), k -> new java.util.ArrayList<>()).add(h.getValue());
            Exchange x = new Exchange(resp.getCode(), java.net.http.HttpHeaders.of(headers, (k, v) -> true), body);
            if (tag != null) observer.finished(tag, x.status(), null, since(start));
            return x;
        } catch (IOException | RuntimeException e) {
            IOException failure = timedOut(e) ? new HttpTimeoutException("no answer within " + timeout.toMillis() + " ms from " + request.uri()) : null;
            if (tag != null) observer.finished(tag, 0, failure != null ? failure : e, since(start));
            if (failure != null) throw failure;
            throw e;
        }
    }

    @SuppressWarnings("deprecation")   // a per-request connect timeout: the deadline caps the connect too
    private static org.apache.hc.client5.http.config.RequestConfig requestConfig(org.apache.hc.core5.util.Timeout t) {
        return org.apache.hc.client5.http.config.RequestConfig.custom()
                .setConnectionRequestTimeout(t).setConnectTimeout(t).setResponseTimeout(t).build();
    }

    private static boolean timedOut(Exception e) {
        return e instanceof java.net.SocketTimeoutException || e instanceof org.apache.hc.client5.http.ConnectTimeoutException
                || e instanceof org.apache.hc.core5.http.ConnectionRequestTimeoutException || e instanceof HttpTimeoutException;
    }

    /** The entity's bytes (none: empty), at most {@code maxBytes}, read until {@code deadline} (System.nanoTime). */
    private static byte[] read(org.apache.hc.core5.http.HttpEntity entity, long maxBytes, long deadline,
                               org.apache.hc.client5.http.classic.methods.HttpGet get) throws IOException {
        if (entity == null) return new byte[0];
        long declared = entity.getContentLength();
        if (declared > maxBytes) {
            get.cancel();   // closes the connection instead of draining it
            throw new BodyTooLargeException(maxBytes);
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(declared > 0 ? (int) declared : 8192);
        try (InputStream in = entity.getContent()) {
            byte[] buf = new byte[16 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buf)) >= 0) {
                total += n;
                if (total > maxBytes) {
                    get.cancel();
                    throw new BodyTooLargeException(maxBytes);
                }
                out.write(buf, 0, n);
                if (System.nanoTime() - deadline > 0 && (declared < 0 || total < declared)) {
                    get.cancel();
                    throw new HttpTimeoutException("answer not complete within the deadline");
                }
            }
        }
        return out.toByteArray();
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
        synchronized (this) {
            closed = true;
            if (blocking != null) blocking.close(org.apache.hc.core5.io.CloseMode.IMMEDIATE);
        }
    }
}
