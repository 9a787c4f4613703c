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
 */
public record NgsiLdServices(EntityService entities, QueryService queries, DiscoveryService discovery,
                             RegistrationStore registrations, ContextResolver contexts, String self, int defaultLimit,
                             int maxLimit) {}
