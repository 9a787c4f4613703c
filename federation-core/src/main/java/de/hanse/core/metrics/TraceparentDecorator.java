package de.hanse.core.metrics;

import de.hanse.core.http.CallContext;
import de.hanse.core.http.OutboundHttp;
import java.net.http.HttpRequest;

/**
 * Sends the request id on to peers: sets {@code traceparent} from {@link CallContext#traceparent()} or, when the
 * call context has none, from the calling thread's MDC ({@link TraceContext}). Calls made outside any request
 * (scheduled harvests) start no trace and carry no header. Stateless and thread-safe.
 */
public final class TraceparentDecorator implements OutboundHttp.Decorator {

    @Override
    public void decorate(HttpRequest.Builder request, CallContext call) {
        String tp = call != null && call.traceparent() != null ? call.traceparent() : TraceContext.currentTraceparent();
        // only well-formed values go out: a caller-supplied string is never echoed blindly to peers
        Traceparent.parse(tp).ifPresent(t -> request.setHeader(Traceparent.HEADER, t.header()));
    }
}
