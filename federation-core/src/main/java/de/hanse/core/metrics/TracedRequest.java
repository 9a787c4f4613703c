package de.hanse.core.metrics;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The inbound request as the rest of the node sees it: its {@code traceparent} header is this node's own
 * traceparent for the request (the caller's trace continued with a new span, or a new trace when the caller sent
 * none or an invalid one). Resources that hand the inbound header on to their outbound {@code CallContext} thereby
 * always propagate the request id to peers, also from worker threads that have no MDC. Every other header is the
 * caller's, unchanged. Used on the request's threads only.
 */
final class TracedRequest extends HttpServletRequestWrapper {
    private final String traceparent;

    TracedRequest(HttpServletRequest request, Traceparent own) {
        super(request);
        this.traceparent = own.header();
    }

    private static boolean isTraceparent(String name) {
        return Traceparent.HEADER.equalsIgnoreCase(name);
    }

    @Override
    public String getHeader(String name) {
        return isTraceparent(name) ? traceparent : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        return isTraceparent(name) ? Collections.enumeration(List.of(traceparent)) : super.getHeaders(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        List<String> names = new ArrayList<>();
        for (Enumeration<String> e = super.getHeaderNames(); e != null && e.hasMoreElements(); ) {
            String n = e.nextElement();
            if (!isTraceparent(n)) names.add(n);
        }
        names.add(Traceparent.HEADER);
        return Collections.enumeration(names);
    }
}
