package de.hanse.core.http;

import de.hanse.core.config.PeerConfig;
import java.time.Duration;
import java.time.Instant;

/**
 * What travels with one outbound call to a worker thread: the peer (null for a plain URL such as a harvest
 * source), the caller's {@code Authorization} header (for relaying), the W3C {@code traceparent}, the deadline
 * shared by all calls made for one inbound request, and the {@link CallTag} under which {@link OutboundHttp} records
 * the call's latency and outcome (null: not recorded).
 */
public record CallContext(PeerConfig peer, String callerAuthorization, String traceparent, Instant deadline, CallTag tag) {

    /** A context without a metrics tag. */
    public CallContext(PeerConfig peer, String callerAuthorization, String traceparent, Instant deadline) {
        this(peer, callerAuthorization, traceparent, deadline, null);
    }

    public static CallContext forUrl(Duration timeout) {
        return new CallContext(null, null, null, Instant.now().plus(timeout));
    }

    public CallContext forPeer(PeerConfig p) {
        return new CallContext(p, callerAuthorization, traceparent, deadline, tag);
    }

    /** The same context, recorded under {@code peer} and {@code operation} by {@link OutboundHttp}. */
    public CallContext tagged(String peer, String operation) {
        return new CallContext(this.peer, callerAuthorization, traceparent, deadline, new CallTag(peer, operation));
    }

    /** The same context with another deadline. */
    public CallContext withDeadline(Instant d) {
        return new CallContext(peer, callerAuthorization, traceparent, d, tag);
    }

    /** Time left, never negative. */
    public Duration remaining() {
        Duration d = Duration.between(Instant.now(), deadline);
        return d.isNegative() ? Duration.ZERO : d;
    }

    public boolean expired() {
        return !Instant.now().isBefore(deadline);
    }

    /** The earlier of this call's deadline and now + {@code limit}. */
    public Duration remainingAtMost(Duration limit) {
        Duration r = remaining();
        return r.compareTo(limit) < 0 ? r : limit;
    }
}
