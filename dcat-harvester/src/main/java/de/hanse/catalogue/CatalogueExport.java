package de.hanse.catalogue;

import de.hanse.core.vocab.Hanse;
import de.hanse.core.vocab.Vocab;
import de.hanse.harvest.pipeline.RecordStore;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * Builds DCAT-AP documents from the store: a page of the catalogue with its Hydra paging controls (both
 * {@code hydra:PartialCollectionView} with {@code hydra:next} and the older {@code hydra:PagedCollection} with
 * {@code hydra:nextPage}, so Hanse nodes and CKAN-style harvesters both page through it), or one dataset.
 * Runs inside the caller's read transaction.
 */
public final class CatalogueExport {
    private static final Node FOAF_AGENT = NodeFactory.createURI(Vocab.FOAF + "Agent");
    private static final Node FOAF_DOCUMENT = NodeFactory.createURI(Vocab.FOAF + "Document");
    private static final Node FOAF_homepage = NodeFactory.createURI(Vocab.FOAF + "homepage");
    private static final Node DCT_language = NodeFactory.createURI(Vocab.DCT + "language");
    private static final Node ENGLISH = NodeFactory.createURI("http://publications.europa.eu/resource/authority/language/ENG");
    private static final Node HYDRA_previousPage = NodeFactory.createURI(Vocab.HYDRA + "previousPage");

    private CatalogueExport() {}

    /** Prefixes for readable Turtle and compact JSON-LD. */
    static Graph newGraph() {
        Graph g = GraphFactory.createDefaultGraph();
        var pm = g.getPrefixMapping();
        pm.setNsPrefix("dcat", Vocab.DCAT).setNsPrefix("dct", Vocab.DCT).setNsPrefix("foaf", Vocab.FOAF)
                .setNsPrefix("hydra", Vocab.HYDRA).setNsPrefix("vcard", Vocab.VCARD).setNsPrefix("locn", Vocab.LOCN)
                .setNsPrefix("dcatde", Vocab.DCATDE).setNsPrefix("adms", Vocab.ADMS).setNsPrefix("skos", Vocab.SKOS)
                .setNsPrefix("xsd", Vocab.XSD).setNsPrefix("rdf", Vocab.RDF);
        return g;
    }

    /**
     * One page of the catalogue: the {@code dcat:Catalog} node (title, description, publisher, homepage, language,
     * issued/modified from the records), the page's datasets with their whole record graphs, and the paging
     * controls. {@code since} (may be null) keeps only records written at or after it; {@code sinceRaw} is the
     * parameter as the client wrote it, repeated in the paging links.
     */
    public static Graph page(DatasetGraph dsg, CatalogueView view, String base, String title, String nodeName, int page,
                             int size, Instant since, String sinceRaw) {
        CatalogueView.Snapshot snapshot = view.snapshot(dsg);
        List<CatalogueView.Entry> all = snapshot.since(since);
        Graph g = newGraph();
        Node catalog = NodeFactory.createURI(base + "catalogue");
        describeCatalog(g, catalog, base, title, nodeName, snapshot);

        int total = all.size();
        int lastPage = Math.max(1, (total + size - 1) / size);
        int from = (int) Math.min(total, (long) (page - 1) * size);
        int to = Math.min(total, from + size);
        for (CatalogueView.Entry e : all.subList(from, to)) {
            g.add(catalog, Vocab.DCAT_dataset, NodeFactory.createURI(e.dataset()));
            dsg.find(e.record(), Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> g.add(q.asTriple()));
        }

        String query = "?pageSize=" + size + (sinceRaw != null ? "&modified_since=" + URLEncoder.encode(sinceRaw, StandardCharsets.UTF_8) : "");
        Node pageView = pageNode(base, query, page);
        g.add(catalog, Vocab.RDF_TYPE, Vocab.HYDRA_Collection);
        g.add(catalog, Vocab.HYDRA_view, pageView);
        g.add(catalog, Vocab.HYDRA_totalItems, integer(total));
        g.add(pageView, Vocab.RDF_TYPE, Vocab.HYDRA_PartialCollectionView);
        g.add(pageView, Vocab.RDF_TYPE, Vocab.HYDRA_PagedCollection);
        g.add(pageView, Vocab.HYDRA_totalItems, integer(total));
        g.add(pageView, Vocab.HYDRA_itemsPerPage, integer(size));
        g.add(pageView, Vocab.HYDRA_first, pageNode(base, query, 1));
        g.add(pageView, Vocab.HYDRA_firstPage, pageNode(base, query, 1));
        g.add(pageView, Vocab.HYDRA_last, pageNode(base, query, lastPage));
        g.add(pageView, Vocab.HYDRA_lastPage, pageNode(base, query, lastPage));
        if (page < lastPage) {
            g.add(pageView, Vocab.HYDRA_next, pageNode(base, query, page + 1));
            g.add(pageView, Vocab.HYDRA_nextPage, pageNode(base, query, page + 1));
        }
        if (page > 1) {
            Node previous = pageNode(base, query, Math.min(page - 1, lastPage));
            g.add(pageView, Vocab.HYDRA_previous, previous);
            g.add(pageView, HYDRA_previousPage, previous);
        }
        return g;
    }

    /**
     * The catalog's DCAT-AP mandatory and recommended properties that the node can state truthfully: its own
     * title and description (English), the node as publisher, the node's root as homepage, and issued / modified
     * as the earliest record's first harvest and the latest record change (so harvesters see when to come back).
     * A licence for the catalogue's metadata is not claimed: it is the operator's to choose.
     */
    private static void describeCatalog(Graph g, Node catalog, String base, String title, String nodeName,
                                        CatalogueView.Snapshot snapshot) {
        g.add(catalog, Vocab.RDF_TYPE, Vocab.DCAT_CATALOG);
        g.add(catalog, Vocab.DCT_title, NodeFactory.createLiteralLang(title, "en"));
        g.add(catalog, Vocab.DCT_description, NodeFactory.createLiteralLang(
                "Datasets harvested by the Hanse node '" + nodeName + "' from its sources, merged: each dataset once.", "en"));
        g.add(catalog, DCT_language, ENGLISH);
        Node home = NodeFactory.createURI(base);
        g.add(catalog, FOAF_homepage, home);
        g.add(home, Vocab.RDF_TYPE, FOAF_DOCUMENT);
        if (snapshot.firstIssued() != null) g.add(catalog, Vocab.DCT_issued, dateTime(snapshot.firstIssued()));
        if (snapshot.lastModified() != null) g.add(catalog, Vocab.DCT_modified, dateTime(snapshot.lastModified()));
        Node publisher = NodeFactory.createURI(base + "#publisher");
        g.add(catalog, Vocab.DCT_publisher, publisher);
        g.add(publisher, Vocab.RDF_TYPE, FOAF_AGENT);
        g.add(publisher, Vocab.FOAF_name, NodeFactory.createLiteralString("Hanse node " + nodeName));
    }

    /** One dataset by its short id ({@link RecordStore#datasetIdOf}), as its chosen record holds it, or null. */
    public static Graph dataset(DatasetGraph dsg, String id) {
        var it = dsg.find(Hanse.META, Node.ANY, RecordStore.datasetId, NodeFactory.createLiteralString(id));
        Node record;
        try {
            if (!it.hasNext()) return null;
            record = it.next().getSubject();
        } finally {
            org.apache.jena.atlas.iterator.Iter.close(it);
        }
        Node ds = CatalogueView.object(dsg, Hanse.META, record, Vocab.FOAF_primaryTopic);
        if (ds == null || !ds.isURI()) return null;
        List<Node> records = new java.util.ArrayList<>();
        dsg.find(Hanse.META, Node.ANY, Vocab.FOAF_primaryTopic, ds).forEachRemaining(q -> records.add(q.getSubject()));
        Node chosen = CatalogueView.choose(dsg, ds.getURI(), records, new java.util.HashMap<>());
        Graph g = newGraph();
        dsg.find(chosen, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> g.add(q.asTriple()));
        return g;
    }

    private static Node pageNode(String base, String query, int page) {
        return NodeFactory.createURI(base + "catalogue" + query + "&page=" + page);
    }

    private static Node dateTime(Instant t) {
        return NodeFactory.createLiteralDT(t.toString(), XSDDatatype.XSDdateTime);
    }

    private static Node integer(long n) {
        return NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDinteger);
    }

}
