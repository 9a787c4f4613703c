package de.hanse.ngsild.federation.selection;

import de.hanse.ngsild.registry.Registration;
import java.util.Map;

/**
 * One request to send: the registration and the query parameters restricted to what it offers.
 *
 * @param registration the matching registration
 * @param path         the path below {@code /ngsi-ld/v1/} (e.g. {@code entities})
 * @param params       query parameters, names expanded to IRIs where they are attribute or type names
 */
public record ForwardTarget(Registration registration, String path, Map<String, String> params) {}
