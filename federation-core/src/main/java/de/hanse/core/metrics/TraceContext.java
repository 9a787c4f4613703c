package de.hanse.core.metrics;

import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.MDC;

/**
 * The request id of the inbound request a thread is working for, kept in the SLF4J MDC by
 * {@link HttpMetricsFilter}: {@value #REQUEST_ID} (the W3C trace id, printed in every log line) and
 * {@value #TRACEPARENT} (this node's {@code traceparent}, sent on to peers).
 *
 * <p>The MDC is per thread: code that hands work to another thread (a fan-out to peers) either puts
 * {@link #currentTraceparent()} into its {@link de.hanse.core.http.CallContext} or wraps the task with
 * {@link #propagate(Callable)}. Thread-safe: every method works on the calling thread's MDC only.
 */
public final class TraceContext {
    /** MDC key of the request id (the trace id, 32 hex digits). */
    public static final String REQUEST_ID = "requestId";
    /** MDC key of this node's traceparent for the current request. */
    public static final String TRACEPARENT = "traceparent";

    private TraceContext() {}

    /** This node's traceparent for the request the current thread serves, or {@code null} outside a request. */
    public static String currentTraceparent() {
        return MDC.get(TRACEPARENT);
    }

    /** The current request id, or {@code null} outside a request. */
    public static String currentRequestId() {
        return MDC.get(REQUEST_ID);
    }

    /** Puts {@code tp} into the MDC of the current thread. */
    public static void enter(Traceparent tp) {
        MDC.put(REQUEST_ID, tp.traceId());
        MDC.put(TRACEPARENT, tp.header());
    }

    /** Removes the request id from the MDC of the current thread. */
    public static void exit() {
        MDC.remove(REQUEST_ID);
        MDC.remove(TRACEPARENT);
    }

    /** Wraps {@code task} so that it runs with the caller's MDC (request id included) on whatever thread runs it. */
    public static <T> Callable<T> propagate(Callable<T> task) {
        Map<String, String> captured = MDC.getCopyOfContextMap();
        return () -> {
            Map<String, String> before = MDC.getCopyOfContextMap();
            set(captured);
            try {
                return task.call();
            } finally {
                set(before);
            }
        };
    }

    /** Like {@link #propagate(Callable)} for a {@link Runnable}. */
    public static Runnable propagate(Runnable task) {
        Callable<Void> c = propagate(() -> {
            task.run();
            return null;
        });
        return () -> {
            try {
                c.call();
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static void set(Map<String, String> context) {
        if (context == null) MDC.clear();
        else MDC.setContextMap(context);
    }
}
