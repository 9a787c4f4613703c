package de.hanse.core.vocab;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * Hanse's own terms and the IRIs of its bookkeeping graphs.
 *
 * <p>Store layout (see docs/architecture.md): one named graph per harvested dataset record, named
 * {@link #recordGraph(String, String)}; all provenance in the graph {@link #META}: per record a
 * {@code dcat:CatalogRecord} (its IRI is the record graph's name) with {@code foaf:primaryTopic} (the dataset),
 * {@code hanse:source}, {@code prov:wasDerivedFrom} (the page URL), {@code dct:modified} (fetch time) and
 * {@code hanse:hash}. {@link #graph} names a unit's graphs in the sync graph ({@code urn:hanse:sync}); records no
 * longer state it (it always equalled the record IRI), readers fall back to the record IRI.
 */
public final class Hanse {
    private Hanse() {}

    public static final String NS = "https://w3id.org/hanse/ns#";
    public static final String GRAPH_NS = "urn:hanse:";

    /** Provenance, harvest runs and other bookkeeping. */
    public static final Node META = NodeFactory.createURI(GRAPH_NS + "meta");

    public static final Node source = p("source");
    public static final Node graph = p("graph");
    public static final Node hash = p("hash");
    public static final Node sourceUrl = p("sourceUrl");
    public static final Node HarvestSource = p("HarvestSource");
    public static final Node priority = p("priority");
    /** Start of the source's last successful gather, and of its last complete (non-incremental) one. */
    public static final Node lastGathered = p("lastGathered");
    public static final Node lastFullGather = p("lastFullGather");

    public static Node p(String local) {
        return NodeFactory.createURI(NS + local);
    }

    /** IRI of a harvest source's description in {@link #META}. */
    public static Node sourceNode(String sourceName) {
        return NodeFactory.createURI(GRAPH_NS + "source:" + sourceName);
    }

    /** The named graph of one dataset record from one source: stable across runs. */
    public static Node recordGraph(String sourceName, String datasetKey) {
        return NodeFactory.createURI(GRAPH_NS + "record:" + sourceName + ":" + sha256Hex(datasetKey).substring(0, 32));
    }

    public static String sha256Hex(String s) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
