package de.hanse.ngsild.federation.selection;

import de.hanse.ngsild.registry.Registration;
import java.util.List;

/**
 * The outcome of planning a distributed operation.
 *
 * @param targets  requests to send
 * @param loops    registrations skipped because their source already handled this request ({@code Via})
 */
public record Selection(List<ForwardTarget> targets, List<Registration> loops) {
    public static final Selection NONE = new Selection(List.of(), List.of());
}
