package de.hanse.ngsild.service;

import de.hanse.ngsild.federation.Via;
import de.hanse.ngsild.jsonld.LdContext;
import java.util.Map;

/**
 * What an NGSI-LD request carries besides its parameters.
 *
 * @param tenant  {@code NGSILD-Tenant} ({@code ""} for the default tenant)
 * @param context the requester's JSON-LD context
 * @param link    the {@code Link} header to forward (the requester's context URL), or null
 * @param via     the incoming {@code Via} chain
 * @param headers the incoming headers, names in lower case (first value)
 */
public record RequestScope(String tenant, LdContext context, String link, Via via, Map<String, String> headers) {}
