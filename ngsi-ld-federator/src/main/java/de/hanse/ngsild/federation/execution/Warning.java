package de.hanse.ngsild.federation.execution;

/**
 * An {@code NGSILD-Warning} (clause 6.3.17): 199 the source timed out, was unreachable or looped; 299 it answered
 * with an error; 111 its payload was invalid and was not merged.
 */
public record Warning(int code, String agent, String text) {
    public static final String HEADER = "NGSILD-Warning";

    /** The header value: {@code <code> <agent> "<text>"}. */
    public String header() {
        return code + " " + agent.replace(' ', '_') + " \"" + text.replace('"', '\'') + "\"";
    }
}
