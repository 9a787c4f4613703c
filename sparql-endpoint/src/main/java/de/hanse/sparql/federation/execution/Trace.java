package de.hanse.sparql.federation.execution;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the engine decided for one query (sources per pattern, groups, join methods, rows): the explain view. Thread-safe. */
public final class Trace {
    private final List<Map<String, Object>> events = Collections.synchronizedList(new ArrayList<>());

    public void event(String kind, Map<String, ?> details) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("step", kind);
        e.putAll(details);
        events.add(e);
    }

    public List<Map<String, Object>> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }
}
