package de.hanse.ngsild.federation.merge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.hanse.ngsild.model.Ngsi;
import de.hanse.ngsild.registry.Registration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The entities one source contributed to a distributed query, in internal form.
 *
 * @param source   a label (the local node or a registration's agent)
 * @param mode     the registration mode; the local store counts as {@link Registration.Mode#INCLUSIVE}
 * @param entities the entities (not mutated by the merge)
 * @param facts    what the merge needs to know about them ({@link Facts#of}); computed once, e.g. as an answer
 *                 arrives, so that the merge itself, after the last answer, only walks the lists
 */
public record SourceEntities(String source, Registration.Mode mode, List<ObjectNode> entities, Facts facts) {
    public SourceEntities(String source, Registration.Mode mode, List<ObjectNode> entities) {
        this(source, mode, entities, Facts.of(entities));
    }

    /**
     * @param ids      the entities' ids in list order when they are strictly increasing (a Hanse node answers in id
     *                 order), else null
     * @param earliest the earliest {@code expiresAt} of an entity or attribute instance, or null when there is none
     * @param internal whether every attribute is an array of instances (the internal form); if not, the merge
     *                 rebuilds the entities to normalise them
     */
    public record Facts(String[] ids, Instant earliest, boolean internal) {
        /** Whether the merge at {@code now} must look at expiry and form entity by entity. */
        boolean needsChecks(Instant now) {
            return !internal || earliest != null && !now.isBefore(earliest);
        }

        /** One pass over {@code entities}. */
        public static Facts of(List<ObjectNode> entities) {
            String[] ids = new String[entities.size()];
            Instant earliest = null;
            boolean internal = true;
            for (int i = 0; i < entities.size(); i++) {
                ObjectNode e = entities.get(i);
                String id = e.path(Ngsi.ID).asText();
                if (ids != null) {
                    if (i > 0 && id.compareTo(ids[i - 1]) <= 0) ids = null;
                    else ids[i] = id;
                }
                earliest = earlier(earliest, e.get(Ngsi.EXPIRES_AT));
                for (Iterator<Map.Entry<String, JsonNode>> it = e.fields(); it.hasNext(); ) {
                    var a = it.next();
                    JsonNode v = a.getValue();
                    if (!v.isArray()) {
                        if (Ngsi.isAttribute(a.getKey())) internal = false;
                        continue;
                    }
                    for (JsonNode inst : v) earliest = earlier(earliest, inst.get(Ngsi.EXPIRES_AT));
                }
            }
            return new Facts(ids, earliest, internal);
        }

        /** An unparsable {@code expiresAt} never expires (as in the merge). */
        private static Instant earlier(Instant min, JsonNode v) {
            if (v == null || !v.isTextual()) return min;
            try {
                Instant t = Instant.parse(v.asText());
                return min == null || t.isBefore(min) ? t : min;
            } catch (DateTimeParseException e) {
                return min;
            }
        }
    }
}
