package de.hanse.core.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first servlet filter of the node: gives every request a request id (continuing the caller's W3C
 * {@code traceparent} when it sends a valid one), puts it into the MDC for the request's log lines, shows the rest
 * of the node this node's own {@code traceparent} in place of the caller's ({@link TracedRequest}), answers it in
 * {@code X-Request-Id}, records {@code http.server.requests} (method, route template, status; latency histogram)
 * and writes one access-log line to logger {@code de.hanse.access}. The access log has method, path (never the
 * query, which may carry tokens), status and duration; no header is ever logged. Probes and scrapes
 * ({@code /health/**}, {@code /metrics}) are logged at DEBUG only. Thread-safe.
 */
public final class HttpMetricsFilter implements Filter {
    /** Request attribute holding this node's traceparent header value for the request. */
    public static final String TRACEPARENT_ATTRIBUTE = "de.hanse.traceparent";
    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    static final String METRIC = "http.server.requests";

    private static final Logger ACCESS = LoggerFactory.getLogger("de.hanse.access");
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private final MeterRegistry registry;
    private final java.util.Map<String, Timer> timers = new java.util.concurrent.ConcurrentHashMap<>();
    private final RouteTemplate routes;

    public HttpMetricsFilter(MeterRegistry registry, RouteTemplate routes) {
        this.registry = registry;
        this.routes = routes;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest inbound) || !(res instanceof HttpServletResponse response)) {
            chain.doFilter(req, res);
            return;
        }
        long start = System.nanoTime();
        Traceparent tp = Traceparent.parse(inbound.getHeader(Traceparent.HEADER)).map(Traceparent::child).orElseGet(Traceparent::newRoot);
        HttpServletRequest request = new TracedRequest(inbound, tp);
        TraceContext.enter(tp);
        request.setAttribute(TRACEPARENT_ATTRIBUTE, tp.header());
        response.setHeader(REQUEST_ID_HEADER, tp.traceId());
        try {
            chain.doFilter(request, response);
            if (request.isAsyncStarted())
                request.getAsyncContext().addListener(new Completion(request, response, start, tp.traceId()));
            else record(request, response.getStatus(), start, tp.traceId());
        } catch (IOException | ServletException | RuntimeException e) {
            record(request, 500, start, tp.traceId());
            throw e;
        } finally {
            TraceContext.exit(); // after the access log line, so it carries the request id too
        }
    }

    private void record(HttpServletRequest request, int status, long startNanos, String requestId) {
        long nanos = System.nanoTime() - startNanos;
        String method = METHODS.contains(request.getMethod()) ? request.getMethod() : "OTHER";
        String path = request.getRequestURI();
        String route = routes.of(path);
        // one timer per (method, route, status): routes are capped by RouteTemplate, so this map is bounded too
        timers.computeIfAbsent(method + ' ' + status + ' ' + route, k -> Timer.builder(METRIC)
                .description("HTTP requests served, by method, route template and status")
                .tags("method", method, "route", route, "status", Integer.toString(status))
                .serviceLevelObjectives(MetricsModule.LATENCY_BUCKETS)
                .register(registry))
                .record(Duration.ofNanos(nanos));
        boolean quiet = route.startsWith("/health") || route.equals("/metrics");
        if (quiet ? ACCESS.isDebugEnabled() : ACCESS.isInfoEnabled()) {
            String line = "{} {} {} {}ms requestId={}";
            Object[] args = {method, path, status, nanos / 1_000_000, requestId};
            if (quiet) ACCESS.debug(line, args);
            else ACCESS.info(line, args);
        }
    }

    /** Records an asynchronous request when it completes (on whichever thread completes it). */
    private final class Completion implements AsyncListener {
        private final HttpServletRequest request;
        private final HttpServletResponse response;
        private final long start;
        private final String requestId;

        Completion(HttpServletRequest request, HttpServletResponse response, long start, String requestId) {
            this.request = request;
            this.response = response;
            this.start = start;
            this.requestId = requestId;
        }

        @Override
        public void onComplete(AsyncEvent event) {
            record(request, response.getStatus(), start, requestId);
        }

        @Override
        public void onTimeout(AsyncEvent event) {}

        @Override
        public void onError(AsyncEvent event) {}

        @Override
        public void onStartAsync(AsyncEvent event) {}
    }
}
