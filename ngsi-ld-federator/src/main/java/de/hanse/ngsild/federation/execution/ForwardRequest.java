package de.hanse.ngsild.federation.execution;

import de.hanse.core.http.CallContext;
import de.hanse.ngsild.federation.Via;
import java.util.Map;

/**
 * What every forwarded request of one inbound request shares.
 *
 * @param tenant         the inbound tenant ({@code ""} for the default)
 * @param via            the inbound {@code Via} chain
 * @param self           this node's source identity (appended to {@code Via})
 * @param link           the {@code Link} header to send (the requester's context), or null
 * @param inboundHeaders the inbound request's headers (lower-case names), for {@code urn:ngsi-ld:request} relays
 * @param call           the overall deadline and trace context
 */
public record ForwardRequest(String tenant, Via via, String self, String link, Map<String, String> inboundHeaders,
                             CallContext call) {}
