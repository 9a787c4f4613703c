package de.hanse.catalogue;

import de.hanse.core.store.NodeStore;
import de.hanse.core.vocab.Hanse;
import de.hanse.core.vocab.Vocab;
import de.hanse.harvest.pipeline.RecordStore;
import java.time.Instant;
import java.util.Arrays;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * Times {@code /catalogue} page building on a store with N synthetic records laid out as the harvester writes them
 * (record graph + {@code dcat:CatalogRecord} in META). Not a unit test (no *Test suffix); run with
 * {@code java -cp <test classpath> de.hanse.catalogue.CataloguePagingBench [records] [requests]}.
 * Prints p50/p95 of page builds for a first page, a middle page, and a {@code modified_since} page.
 */
public final class CataloguePagingBench {
    private CataloguePagingBench() {}

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        try (NodeStore store = NodeStore.inMemory()) {
            long t0 = System.nanoTime();
            fill(store, n);
            System.out.printf("filled %d records in %d ms%n", n, (System.nanoTime() - t0) / 1_000_000);
            CatalogueView view = new CatalogueView();
            run("page 1, pageSize 100", store, view, requests, 1, null);
            run("page " + (n / 200) + ", pageSize 100", store, view, requests, n / 200, null);
            run("modified_since (last 1%), page 1", store, view, requests, 1, Instant.ofEpochSecond(1_700_000_000L + n * 99L / 100).toString());
            // a write bumps the store version: the next page pays for one rebuild
            store.write(dsg -> dsg.add(Hanse.META, NodeFactory.createURI("urn:bench:x"), Vocab.DCT_title, NodeFactory.createLiteralString("x")));
            run("first page after a write (cold), then warm", store, view, requests, 1, null);
        }
    }

    private static void run(String label, NodeStore store, CatalogueView view, int requests, int page, String since) {
        long[] ms = new long[requests];
        int triples = 0;
        for (int i = 0; i < requests; i++) {
            long t = System.nanoTime();
            triples = store.read(dsg -> CatalogueExport.page(dsg, view, "http://127.0.0.1/", "bench", "bench", page, 100,
                    since == null ? null : Instant.parse(since), since)).size();
            ms[i] = (System.nanoTime() - t) / 1_000;
        }
        long first = ms[0];
        Arrays.sort(ms);
        System.out.printf("%-45s first %7.1f ms  p50 %7.1f ms  p95 %7.1f ms  (%d triples)%n", label, first / 1000.0,
                ms[requests / 2] / 1000.0, ms[(int) Math.ceil(requests * 0.95) - 1] / 1000.0, triples);
    }

    /** N records of one source, each a small dataset with one distribution. */
    static void fill(NodeStore store, int n) {
        int batch = 10_000;
        for (int from = 0; from < n; from += batch) {
            int start = from;
            store.write(dsg -> {
                for (int i = start; i < Math.min(n, start + batch); i++) add(dsg, i);
            });
        }
    }

    private static void add(DatasetGraph dsg, int i) {
        String iri = "https://bench.example/dataset/" + String.format("%07d", (i * 7919L) % 10_000_000L);
        Node ds = NodeFactory.createURI(iri);
        Node rec = Hanse.recordGraph("bench", iri);
        Node dist = NodeFactory.createURI(iri + "/csv");
        dsg.add(rec, ds, Vocab.RDF_TYPE, Vocab.DCAT_DATASET);
        dsg.add(rec, ds, Vocab.DCT_title, NodeFactory.createLiteralLang("Datensatz " + i, "de"));
        dsg.add(rec, ds, Vocab.DCT_description, NodeFactory.createLiteralLang("Beschreibung " + i, "de"));
        dsg.add(rec, ds, Vocab.DCAT_distribution, dist);
        dsg.add(rec, dist, Vocab.RDF_TYPE, Vocab.DCAT_DISTRIBUTION);
        dsg.add(rec, dist, Vocab.DCAT_accessURL, NodeFactory.createURI(iri + "/data.csv"));
        Node time = NodeFactory.createLiteralDT(Instant.ofEpochSecond(1_700_000_000L + i).toString(), XSDDatatype.XSDdateTime);
        Node m = Hanse.META;
        dsg.add(m, rec, Vocab.RDF_TYPE, Vocab.DCAT_CATALOG_RECORD);
        dsg.add(m, rec, Vocab.FOAF_primaryTopic, ds);
        dsg.add(m, rec, Hanse.source, Hanse.sourceNode("bench"));
        dsg.add(m, rec, RecordStore.datasetId, NodeFactory.createLiteralString(RecordStore.datasetIdOf(iri)));
        dsg.add(m, rec, Vocab.DCT_issued, time);
        dsg.add(m, rec, Vocab.DCT_modified, time);
    }
}
