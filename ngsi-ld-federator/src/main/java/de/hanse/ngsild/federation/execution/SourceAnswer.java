package de.hanse.ngsild.federation.execution;

import com.fasterxml.jackson.databind.JsonNode;
import de.hanse.ngsild.registry.Registration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A source's successful answer: its JSON bodies (one per page fetched), or none after a 404. An answer reused from
 * the {@link AnswerCache} is the same object for every query in its {@code cacheDuration}, so what is derived from it
 * (the entities expanded with one requester's context) is kept with it ({@link #derived}) and computed once.
 *
 * @param registration the registration that led to the source
 * @param bodies       parsed JSON bodies (never mutated)
 * @param relayedWarnings {@code NGSILD-Warning} values the source itself reported (about its own sources)
 * @param memo         values derived from the bodies, by key (at most {@link #MAX_DERIVED}; keys compared with {@code equals})
 */
public record SourceAnswer(Registration registration, List<JsonNode> bodies, List<String> relayedWarnings, Map<Object, Object> memo) {
    /** Derived values kept per answer: one per requester context seen within the cache duration. */
    static final int MAX_DERIVED = 16;

    public SourceAnswer(Registration registration, List<JsonNode> bodies, List<String> relayedWarnings) {
        this(registration, bodies, relayedWarnings, new ConcurrentHashMap<>());
    }

    /**
     * The value derived from the bodies under {@code key} (e.g. the entities expanded with one context), kept while
     * there are fewer than {@link #MAX_DERIVED} keys, so that every caller gets the same object (when two compute it
     * at once, the first kept wins); the function must be pure, and an exception it throws is passed on and nothing
     * is kept.
     */
    @SuppressWarnings("unchecked")
    public <T> T derived(Object key, Function<SourceAnswer, T> compute) {
        Object v = memo.get(key);
        if (v != null) return (T) v;
        T fresh = compute.apply(this);
        if (memo.size() >= MAX_DERIVED) return fresh;
        Object won = memo.putIfAbsent(key, fresh);   // a concurrent caller may have been first: all share its value
        return won != null ? (T) won : fresh;
    }
}
