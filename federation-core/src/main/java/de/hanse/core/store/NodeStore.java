package de.hanse.core.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import de.hanse.core.http.Problem;
import de.hanse.core.store.remote.RemoteStore;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.params.StoreParams;
import org.apache.jena.tdb2.params.StoreParamsBuilder;

/**
 * The node's RDF store: a Jena TDB2 dataset, on disk or in memory (tests). TDB2 gives serialisable transactions
 * with one writer and many readers (MVCC), and a write transaction that dies (exception, kill -9) leaves the store
 * as it was before it began: harvests rely on that for "a failed harvest changes nothing".
 *
 * <p>With {@code store.mode: remote} the store is an in-memory read replica of an external SPARQL store
 * ({@link #replicaOf}): reads work as always, harvest runs publish through its {@link #gate()}, and every other
 * write ({@link #write}) is refused with a 409 problem, because it would stay on this one replica.
 *
 * <p>Quad indexes: a store created by this class gets the quad indexes named by {@value #QUAD_INDEXES_PROPERTY}
 * (default {@link #DEFAULT_QUAD_INDEXES}, four of TDB2's six), which TDB2 records in the store's {@code tdb.cfg};
 * an existing store always opens with the indexes it was created with (one created by TDB2's defaults, without a
 * {@code tdb.cfg}, with all six). Every stored quad costs an insert into each quad index, so fewer indexes make
 * harvests faster; see docs/configuration.md for what the two left out would serve.
 *
 * <p>Thread-safe. Closing releases the on-disk database (and the remote store's HTTP client).
 */
public final class NodeStore implements AutoCloseable {
    private final Dataset dataset;
    private final Path location;
    private final RemoteStore remote;
    /** Writes refused although not a replica itself: the companion of a read replica. */
    private final boolean replicaCompanion;

    private NodeStore(Dataset dataset, Path location, RemoteStore remote) {
        this(dataset, location, remote, false);
    }

    private NodeStore(Dataset dataset, Path location, RemoteStore remote, boolean replicaCompanion) {
        this.dataset = dataset;
        this.location = location;
        this.remote = remote;
        this.replicaCompanion = replicaCompanion;
    }

    /**
     * A TDB2 database of its own for a module's data beside this store (e.g. NGSI-LD entities, which must not wait
     * for a harvest's write transaction): {@code <location>/<name>} on disk, in memory otherwise. The companion of
     * a read replica refuses writes like the replica, since they would stay on this one replica.
     */
    public NodeStore companion(String name) {
        if (location != null) return open(location.resolve(name));
        return new NodeStore(memoryDataset(), null, null, remote != null || replicaCompanion);
    }

    /** A fresh in-memory TDB2 dataset (same engine, semantics and quad indexes as on disk). */
    public static NodeStore inMemory() {
        return new NodeStore(memoryDataset(), null, null);
    }

    /** An in-memory read replica of {@code remote}, empty until its first sync. */
    public static NodeStore replicaOf(RemoteStore remote) {
        return new NodeStore(memoryDataset(), null, remote);
    }

    /** System property: the quad indexes of stores created from now on, comma-separated, GSPO first. */
    public static final String QUAD_INDEXES_PROPERTY = "hanse.store.quadIndexes";
    /**
     * GSPO serves a bound graph (record graphs, {@code urn:hanse:meta} by record), SPOG, POSG and OSPG the union
     * graph and every pattern with a bound subject, predicate or object; left out: GPOS and GOSP.
     */
    public static final String DEFAULT_QUAD_INDEXES = "GSPO,SPOG,POSG,OSPG";

    /**
     * The parameters for creating a store: TDB2's defaults with the quad indexes of {@value #QUAD_INDEXES_PROPERTY}.
     * When opening an existing store TDB2 takes the indexes from the store, only caches and file mode from these.
     */
    static StoreParams storeParams(boolean memory) {
        StoreParams base = memory ? StoreParams.getDftMemStoreParams() : StoreParams.getDftStoreParams();
        return StoreParamsBuilder.create(base).quadIndexes(quadIndexes(System.getProperty(QUAD_INDEXES_PROPERTY, DEFAULT_QUAD_INDEXES))).build();
    }

    /** Checks a list of quad indexes: four or six distinct orders of G, S, P, O, the first GSPO (TDB2's primary order). */
    static String[] quadIndexes(String spec) {
        String[] names = spec.trim().toUpperCase(java.util.Locale.ROOT).split("\\s*,\\s*");
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String n : names) {
            char[] c = n.toCharArray();
            java.util.Arrays.sort(c);
            if (!new String(c).equals("GOPS") || !seen.add(n))
                throw new IllegalArgumentException(QUAD_INDEXES_PROPERTY + "=" + spec + ": each index must be a distinct order of G, S, P, O, like SPOG");
        }
        if (!names[0].equals("GSPO")) throw new IllegalArgumentException(QUAD_INDEXES_PROPERTY + "=" + spec + ": the first index must be GSPO");
        if (names.length != 4 && names.length != 6) // what TDB2 5.6 accepts
            throw new IllegalArgumentException(QUAD_INDEXES_PROPERTY + "=" + spec + ": TDB2 takes four or six quad indexes");
        return names;
    }

    private static Dataset memoryDataset() {
        return DatasetFactory.wrap(DatabaseMgr.connectDatasetGraph(Location.mem(), storeParams(true)));
    }

    /** The remote store this is a replica of, if any. */
    public Optional<RemoteStore> remote() {
        return Optional.ofNullable(remote);
    }

    /** Sees each harvest's write before it commits: publishes to the remote store, or nothing for a TDB2 node. */
    public WriteGate gate() {
        return remote == null ? WriteGate.NONE : remote.publisher();
    }

    /** Opens (creating if needed) a TDB2 database in {@code dir}. */
    public static NodeStore open(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create data directory " + dir + ": " + e.getMessage(), e);
        }
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(Location.create(dir), storeParams(false));
        NodeFileLength.install(dsg); // saves TDB2 two fstat calls per node written (most of a harvest's system time)
        return new NodeStore(DatasetFactory.wrap(dsg), dir, null);
    }

    public Dataset dataset() {
        return dataset;
    }

    public DatasetGraph datasetGraph() {
        return dataset.asDatasetGraph();
    }

    /** Where the data lives, or {@code null} in memory. */
    public Path location() {
        return location;
    }

    /**
     * The TDB2 data version as a read transaction sees it now: it grows with every committed write, so anything
     * derived from the store (summaries, caches) is current while the version is unchanged. -1 if not TDB2.
     */
    public long dataVersion() {
        return read(NodeStore::dataVersion);
    }

    /** The TDB2 data version of this thread's transaction on {@code dsg}, or -1 (not TDB2, no transaction). */
    public static long dataVersion(DatasetGraph dsg) {
        if (!org.apache.jena.tdb2.sys.TDBInternal.isTDB2(dsg)) return -1L;
        var tdb = org.apache.jena.tdb2.sys.TDBInternal.getDatasetGraphTDB(dsg);
        var txn = tdb == null ? null : tdb.getTxnSystem().getThreadTransaction();
        return txn == null ? -1L : txn.getDataVersion();
    }

    public <T> T read(Function<DatasetGraph, T> action) {
        return Txn.calculateRead(dataset, () -> action.apply(dataset.asDatasetGraph()));
    }

    /** Runs {@code action} in one write transaction: all or nothing. */
    public void write(Consumer<DatasetGraph> action) {
        refuseOnReplica();
        Txn.executeWrite(dataset, () -> action.accept(dataset.asDatasetGraph()));
    }

    public <T> T writeAndGet(Function<DatasetGraph, T> action) {
        refuseOnReplica();
        return Txn.calculateWrite(dataset, () -> action.apply(dataset.asDatasetGraph()));
    }

    /** Reclaims space left by earlier transactions (TDB2 is append-only until compacted). */
    public void compact() {
        if (location != null) DatabaseMgr.compact(dataset.asDatasetGraph(), true);
    }

    private void refuseOnReplica() {
        if (remote != null || replicaCompanion)
            throw Problem.of(409, "read-replica", "Read replica", "this node keeps a read replica of a remote store (store.mode: remote); "
                    + "only harvest runs write it").toException();
    }

    @Override
    public void close() {
        dataset.close();
        if (remote != null) remote.close();
    }
}
