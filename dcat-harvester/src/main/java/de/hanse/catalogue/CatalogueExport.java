package de.hanse.catalogue;

import de.hanse.core.vocab.Hanse;
import de.hanse.core.vocab.Vocab;
import de.hanse.harvest.pipeline.RecordStore;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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

    public static Graph page(DatasetGraph dsg, String base, String title, String nodeName, int page, int size,
                             String sinceIso, String sinceRaw) {
        List<CatalogueView.Entry> all = CatalogueView.entries(dsg, sinceIso);
        Graph g = newGraph();
        Node catalog = NodeFactory.createURI(base + "catalogue");
        g.add(catalog, Vocab.RDF_TYPE, Vocab.DCAT_CATALOG);
        g.add(catalog, Vocab.DCT_title, NodeFactory.createLiteralLang(title, "en"));
        g.add(catalog, Vocab.DCT_description, NodeFactory.createLiteralLang(
                "Datasets harvested by the Hanse node '" + nodeName + "' from its sources, merged: each dataset once.", "en"));
        Node publisher = NodeFactory.createURI(base + "#publisher");
        g.add(catalog, Vocab.DCT_publisher, publisher);
        g.add(publisher, Vocab.RDF_TYPE, FOAF_AGENT);
        g.add(publisher, Vocab.FOAF_name, NodeFactory.createLiteralString("Hanse node " + nodeName));

        int total = all.size();
        int lastPage = Math.max(1, (total + size - 1) / size);
        int from = Math.min(total, (page - 1) * size);
        int to = Math.min(total, from + size);
        for (CatalogueView.Entry e : all.subList(from, to)) {
            Node ds = NodeFactory.createURI(e.dataset());
            g.add(catalog, Vocab.DCAT_dataset, ds);
            dsg.find(e.record(), Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> g.add(q.asTriple()));
        }

        String query = "?pageSize=" + size + (sinceRaw != null ? "&modified_since=" + URLEncoder.encode(sinceRaw, StandardCharsets.UTF_8) : "");
        Node view = pageNode(base, query, page);
        g.add(catalog, Vocab.RDF_TYPE, Vocab.HYDRA_Collection);
        g.add(catalog, Vocab.HYDRA_view, view);
        g.add(catalog, Vocab.HYDRA_totalItems, integer(total));
        g.add(view, Vocab.RDF_TYPE, Vocab.HYDRA_PartialCollectionView);
        g.add(view, Vocab.RDF_TYPE, Vocab.HYDRA_PagedCollection);
        g.add(view, Vocab.HYDRA_totalItems, integer(total));
        g.add(view, Vocab.HYDRA_itemsPerPage, integer(size));
        g.add(view, Vocab.HYDRA_first, pageNode(base, query, 1));
        g.add(view, Vocab.HYDRA_firstPage, pageNode(base, query, 1));
        g.add(view, Vocab.HYDRA_last, pageNode(base, query, lastPage));
        g.add(view, Vocab.HYDRA_lastPage, pageNode(base, query, lastPage));
        if (page < lastPage) {
            g.add(view, Vocab.HYDRA_next, pageNode(base, query, page + 1));
            g.add(view, Vocab.HYDRA_nextPage, pageNode(base, query, page + 1));
        }
        if (page > 1) g.add(view, Vocab.HYDRA_previous, pageNode(base, query, Math.min(page - 1, lastPage)));
        return g;
    }

    /** One dataset by its short id ({@link RecordStore#datasetIdOf}), or null. */
    public static Graph dataset(DatasetGraph dsg, String id) {
        Node idLit = NodeFactory.createLiteralString(id);
        var it = dsg.find(Hanse.META, Node.ANY, RecordStore.datasetId, idLit);
        if (!it.hasNext()) return null;
        Node record = it.next().getSubject();
        Node ds = CatalogueView.object(dsg, Hanse.META, record, Vocab.FOAF_primaryTopic);
        List<CatalogueView.Entry> one = CatalogueView.entries(dsg, null).stream().filter(e -> e.dataset().equals(ds.getURI())).toList();
        Node chosen = one.isEmpty() ? record : one.get(0).record();
        Graph g = newGraph();
        dsg.find(chosen, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> g.add(q.asTriple()));
        return g;
    }

    private static Node pageNode(String base, String query, int page) {
        return NodeFactory.createURI(base + "catalogue" + query + "&page=" + page);
    }

    private static Node integer(long n) {
        return NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDinteger);
    }

}
