package de.hanse.ngsild.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The answer of a (possibly distributed) query before rendering.
 *
 * @param entities the requested page, internal form, projected
 * @param count    the number of matching entities across all sources, after de-duplication
 * @param warnings {@code NGSILD-Warning} header values: one per source that did not contribute, plus those relayed from sources
 * @param rendered when the result is one kept for reuse (every source answered from the answer cache), a map the
 *                 API layer may keep rendered pages of it in (the result's tenant, context, filters, local entities
 *                 and source answers are fixed; the key must hold everything else the rendering depends on); else null
 * @param stored   the entities are the local store's own (unchanged, never mutated) objects: nothing remote was merged
 *                 and nothing projected, so their rendering may be kept per object
 */
public record QueryOutcome(List<ObjectNode> entities, int count, List<String> warnings,
                           java.util.concurrent.ConcurrentMap<Object, Object> rendered, boolean stored) {
    public QueryOutcome(List<ObjectNode> entities, int count, List<String> warnings) {
        this(entities, count, warnings, null, false);
    }
}
