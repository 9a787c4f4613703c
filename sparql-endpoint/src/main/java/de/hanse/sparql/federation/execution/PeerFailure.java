package de.hanse.sparql.federation.execution;

import de.hanse.core.http.Problem;

/** A source could not answer: unreachable, timed out ({@link #timeout}) or answered with an error. */
public final class PeerFailure extends Exception {
    private final String sourceId;
    private final boolean timeout;

    public PeerFailure(String sourceId, boolean timeout, String message) {
        super(message, null, false, false);
        this.sourceId = sourceId;
        this.timeout = timeout;
    }

    public String sourceId() {
        return sourceId;
    }

    public boolean timeout() {
        return timeout;
    }

    /** 504 for a timeout, 502 otherwise; the problem names the peer. */
    public Problem toProblem() {
        return timeout
                ? Problem.of(504, "peer-timeout", "Peer timed out", "peer '" + sourceId + "' did not answer in time: " + getMessage()).with("peer", sourceId)
                : Problem.of(502, "peer-failed", "Peer failed", "peer '" + sourceId + "' failed: " + getMessage()).with("peer", sourceId);
    }
}
