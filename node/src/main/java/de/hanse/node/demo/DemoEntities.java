package de.hanse.node.demo;

import de.hanse.core.config.PeerConfig;
import de.hanse.node.HanseNode;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.util.List;

/**
 * The NGSI-LD part of the demo: sample entities for each city and the state's context source registrations.
 * Empty until the NGSI-LD module provides them.
 */
final class DemoEntities {
    private DemoEntities() {}

    static void load(HanseNode city, String name, PrintStream out) {
    }

    static void register(HanseNode state, List<PeerConfig> cities, PrintStream out) {
    }

    static void printExamples(HanseNode state, PrintStream out) {
    }

    static boolean selfCheck(HanseNode state, HttpClient client, PrintStream out) {
        return true;
    }
}
