package de.hanse.ngsild.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The answer of a (possibly distributed) query before rendering.
 *
 * @param entities the requested page, internal form, projected
 * @param count    the number of matching entities across all sources, after de-duplication
 * @param warnings {@code NGSILD-Warning} header values: one per source that did not contribute, plus those relayed from sources
 */
public record QueryOutcome(List<ObjectNode> entities, int count, List<String> warnings) {}
