package de.hanse.ngsild.api;

import de.hanse.ngsild.jsonld.ContextResolver;
import de.hanse.ngsild.registry.RegistrationStore;
import de.hanse.ngsild.service.DiscoveryService;
import de.hanse.ngsild.service.EntityService;
import de.hanse.ngsild.service.QueryService;

/**
 * The services behind the NGSI-LD resources, created once by {@link NgsiLdModule}. Immutable; the services are
 * thread-safe.
 *
 * @param self         this node's source identity
 * @param defaultLimit page size when none is given
 * @param maxLimit     largest page size
 * @param policies     attribute-level policies applied to every answer after the merge
 */
public record NgsiLdServices(EntityService entities, QueryService queries, DiscoveryService discovery,
                             RegistrationStore registrations, ContextResolver contexts, String self, int defaultLimit,
                             int maxLimit, java.util.List<de.hanse.core.config.AuthConfig.AttributePolicyConfig> policies) {

    /** Removes what the caller may not see from rendered entities (names expanded with the request's context). */
    public void applyPolicies(jakarta.servlet.http.HttpServletRequest request, de.hanse.ngsild.jsonld.LdContext ctx,
                              Iterable<com.fasterxml.jackson.databind.JsonNode> rendered) {
        if (policies.isEmpty()) return;
        var caller = de.hanse.core.auth.Principals.current(request);
        var ap = new de.hanse.core.auth.AttributePolicies(policies, ctx::expand);
        for (var e : rendered) if (e.isObject()) ap.apply(caller, (com.fasterxml.jackson.databind.node.ObjectNode) e);
    }
}
