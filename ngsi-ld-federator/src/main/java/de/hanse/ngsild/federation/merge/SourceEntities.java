package de.hanse.ngsild.federation.merge;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.hanse.ngsild.registry.Registration;
import java.util.List;

/**
 * The entities one source contributed to a distributed query, in internal form.
 *
 * @param source   a label (the local node or a registration's agent)
 * @param mode     the registration mode; the local store counts as {@link Registration.Mode#INCLUSIVE}
 * @param entities the entities (not mutated by the merge)
 */
public record SourceEntities(String source, Registration.Mode mode, List<ObjectNode> entities) {}
