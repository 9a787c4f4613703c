package de.hanse.ngsild.query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.hanse.ngsild.model.Ngsi;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Applies {@code attrs}, {@code pick} and {@code omit} to internal entities (copies; inputs are not changed). */
public final class Projection {
    private Projection() {}

    public static ObjectNode apply(ObjectNode e, EntityQuery q) {
        if (q.attrs() == null && q.pick() == null && q.omit() == null) return e;
        ObjectNode out = e.deepCopy();
        List<String> drop = new ArrayList<>();
        out.fieldNames().forEachRemaining(k -> {
            if (k.equals(Ngsi.ID)) return;
            boolean attr = Ngsi.isAttribute(k);
            if (attr && q.attrs() != null && !q.attrs().contains(k)) drop.add(k);
            else if (q.pick() != null && !picked(q.pick(), k, attr)) drop.add(k);
            else if (q.omit() != null && q.omit().contains(k)) drop.add(k);
        });
        drop.forEach(out::remove);
        return out;
    }

    private static boolean picked(Set<String> pick, String key, boolean attr) {
        if (attr) return pick.contains(key);
        return !key.equals(Ngsi.TYPE) || pick.contains(Ngsi.TYPE);
    }
}
