package de.hanse.catalogue.search;

import de.hanse.catalogue.search.extract.CatalogueRecords;
import de.hanse.catalogue.search.extract.DatasetDoc;
import de.hanse.catalogue.search.extract.DatasetExtractor;
import de.hanse.catalogue.search.index.IndexSchema;
import de.hanse.catalogue.search.index.SearchIndex;
import de.hanse.core.store.NodeStore;
import de.hanse.core.vocab.Hanse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the {@link SearchIndex} a faithful copy of the store. Each commit records a fingerprint of the provenance
 * graph (every record's IRI, hash and write time) and the index schema version; at start-up an index whose
 * fingerprint differs from the store's is rebuilt. Not thread-safe: the owner calls it from one thread.
 */
final class IndexSync {
    private static final Logger LOG = LoggerFactory.getLogger(IndexSync.class);
    static final String FINGERPRINT = "hanse.storeFingerprint";
    static final String SCHEMA = "hanse.schemaVersion";
    private static final int BATCH = 1_000;

    private final NodeStore store;
    private final SearchIndex index;

    IndexSync(NodeStore store, SearchIndex index) {
        this.store = store;
        this.index = index;
    }

    /** Whether the index was built from the store as it is now. */
    boolean fresh() {
        Map<String, String> data = index.commitData();
        return IndexSchema.VERSION.equals(data.get(SCHEMA)) && store.read(IndexSync::fingerprint).equals(data.get(FINGERPRINT));
    }

    /** Drops the index and builds it from every dataset in the store; returns the number indexed. */
    int rebuild() {
        long t0 = System.nanoTime();
        int[] count = {0};
        String fp = store.read(dsg -> {
            index.clear();
            List<DatasetDoc> batch = new ArrayList<>(BATCH);
            for (Node d : CatalogueRecords.datasets(dsg)) {
                DatasetDoc doc = d.isURI() ? DatasetExtractor.extract(dsg, d) : null;
                if (doc != null) batch.add(doc);
                if (batch.size() == BATCH) {
                    index.upsert(batch);
                    count[0] += batch.size();
                    batch.clear();
                }
            }
            index.upsert(batch);
            count[0] += batch.size();
            return fingerprint(dsg);
        });
        commit(fp);
        LOG.info("search index rebuilt: {} datasets in {} ms", count[0], (System.nanoTime() - t0) / 1_000_000);
        return count[0];
    }

    /** Re-reads these datasets from the store: updated where a record still holds them, removed otherwise. */
    void update(Collection<String> datasetIris) {
        String fp = store.read(dsg -> {
            List<DatasetDoc> upserts = new ArrayList<>();
            List<String> deletes = new ArrayList<>();
            for (String iri : datasetIris) {
                DatasetDoc doc = DatasetExtractor.extract(dsg, NodeFactory.createURI(iri));
                if (doc == null) deletes.add(iri);
                else upserts.add(doc);
            }
            index.delete(deletes);
            index.upsert(upserts);
            return fingerprint(dsg);
        });
        commit(fp);
    }

    private void commit(String fingerprint) {
        index.commit(Map.of(FINGERPRINT, fingerprint, SCHEMA, IndexSchema.VERSION));
    }

    /** Order-independent digest of the provenance graph's records: changes whenever a record is written or removed. */
    static String fingerprint(DatasetGraph dsg) {
        long[] acc = {0, 0};
        dsg.find(Hanse.META, Node.ANY, Hanse.hash, Node.ANY).forEachRemaining(q -> {
            Node mod = CatalogueRecords.one(dsg, Hanse.META, q.getSubject(), de.hanse.core.vocab.Vocab.DCT_modified);
            String line = q.getSubject() + "|" + q.getObject().getLiteralLexicalForm() + "|" + (mod == null ? "" : mod.getLiteralLexicalForm());
            acc[0] += Long.parseUnsignedLong(Hanse.sha256Hex(line).substring(0, 15), 16);
            acc[1]++;
        });
        return acc[1] + ":" + Long.toHexString(acc[0]);
    }
}
