package de.hanse.ngsild.federation.execution;

import com.fasterxml.jackson.databind.JsonNode;
import de.hanse.ngsild.registry.Registration;
import java.util.List;

/**
 * A source's successful answer: its JSON bodies (one per page fetched), or none after a 404.
 *
 * @param registration the registration that led to the source
 * @param bodies       parsed JSON bodies
 * @param relayedWarnings {@code NGSILD-Warning} values the source itself reported (about its own sources)
 */
public record SourceAnswer(Registration registration, List<JsonNode> bodies, List<String> relayedWarnings) {}
