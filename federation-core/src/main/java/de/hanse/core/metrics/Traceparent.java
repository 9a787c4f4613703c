package de.hanse.core.metrics;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A W3C Trace Context {@code traceparent} value ({@code 00-<trace-id>-<parent-id>-<flags>}). The trace id is the
 * node's request id: it is kept across nodes so that one federated request can be followed through every peer's
 * logs. Immutable and thread-safe.
 *
 * @param traceId 32 lower-case hex digits, not all zero
 * @param spanId  16 lower-case hex digits, not all zero: the span of whoever sends this value
 * @param flags   2 hex digits ({@code 01} = sampled)
 */
public record Traceparent(String traceId, String spanId, String flags) {
    /** The HTTP header name. */
    public static final String HEADER = "traceparent";

    private static final Pattern FORMAT = Pattern.compile("([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?");
    private static final Pattern HEX32 = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern HEX16 = Pattern.compile("[0-9a-f]{16}");
    private static final Pattern HEX2 = Pattern.compile("[0-9a-f]{2}");
    private static final String ZERO_TRACE = "0".repeat(32);
    private static final String ZERO_SPAN = "0".repeat(16);

    public Traceparent {
        if (!HEX32.matcher(traceId).matches() || traceId.equals(ZERO_TRACE)) throw new IllegalArgumentException("invalid trace id");
        if (!HEX16.matcher(spanId).matches() || spanId.equals(ZERO_SPAN)) throw new IllegalArgumentException("invalid span id");
        if (!HEX2.matcher(flags).matches()) throw new IllegalArgumentException("invalid trace flags");
    }

    /**
     * Parses a header value; empty for null, malformed, version {@code ff}, all-zero ids, or a version-00 value
     * with trailing fields (the spec requires such values to be ignored and a new trace started).
     */
    public static Optional<Traceparent> parse(String header) {
        if (header == null || header.length() > 512) return Optional.empty();
        var m = FORMAT.matcher(header.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) return Optional.empty();
        String version = m.group(1);
        if (version.equals("ff") || (version.equals("00") && m.group(5) != null)) return Optional.empty();
        if (m.group(2).equals(ZERO_TRACE) || m.group(3).equals(ZERO_SPAN)) return Optional.empty();
        return Optional.of(new Traceparent(m.group(2), m.group(3), m.group(4)));
    }

    /** A new trace (sampled) with random ids. */
    public static Traceparent newRoot() {
        return new Traceparent(randomHex(16, ZERO_TRACE), randomHex(8, ZERO_SPAN), "01");
    }

    /** The same trace with a new span id: this node's span, handed to the peers it calls. */
    public Traceparent child() {
        return new Traceparent(traceId, randomHex(8, ZERO_SPAN), flags);
    }

    /** The header value, version 00. */
    public String header() {
        return "00-" + traceId + "-" + spanId + "-" + flags;
    }

    private static String randomHex(int bytes, String zero) {
        byte[] b = new byte[bytes];
        String hex;
        do {
            // ids for correlation, not secrets: a per-thread generator (SecureRandom serialised every request)
            java.util.concurrent.ThreadLocalRandom.current().nextBytes(b);
            hex = HexFormat.of().formatHex(b);
        } while (hex.equals(zero));
        return hex;
    }
}
