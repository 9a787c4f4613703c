package de.hanse.ngsild.federation.execution;

import java.util.List;

/** The answers that arrived in time (in target order) and a warning for every source that did not answer well. */
public record ForwardResult(List<SourceAnswer> answers, List<Warning> warnings) {
    public static final ForwardResult EMPTY = new ForwardResult(List.of(), List.of());
}
