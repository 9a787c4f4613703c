package de.hanse.core.store;

import java.lang.reflect.Field;
import org.apache.jena.dboe.base.file.BinaryDataFile;
import org.apache.jena.dboe.base.file.BinaryDataFileRandomAccess;
import org.apache.jena.dboe.base.file.BinaryDataFileWriteBuffered;
import org.apache.jena.dboe.trans.data.TransBinaryDataFile;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.nodetable.NodeTableTRDF;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.slf4j.LoggerFactory;

/**
 * Keeps the length of a TDB2 node-data file ({@code nodes.dat}) in memory instead of asking the file system. TDB2
 * 5.6 asks for it twice for every node a write transaction adds (the new node's id is its offset in the file, and
 * the write buffer adds its length to the file's), each time through {@code RandomAccessFile.length()}, i.e. one
 * {@code fstat} system call: for a first harvest of 100,000 datasets about six million calls, most of the harvest
 * thread's system CPU time (docs/benchmarks.md, "Harvesting").
 *
 * <p>The file is only ever changed through this wrapper: TDB2 allows one process per database (a lock file) and
 * appends through one write buffer, so the length is known after each write and truncate. It is installed once per
 * opened on-disk database, after TDB2's recovery. The wrapper sits under TDB2's own write buffer and transaction
 * component, which synchronise every call; it does nothing else, so the data and the transaction rules are TDB2's
 * own. When the internals differ (another Jena version), nothing is installed and TDB2 works as it came.
 */
final class NodeFileLength implements BinaryDataFile {
    private final BinaryDataFile file;
    /** The file's length, or -1 until asked (or after a close). */
    private long length = -1;

    private NodeFileLength(BinaryDataFile file) {
        this.file = file;
    }

    /** Installs the wrapper under the node table of {@code dsg} (a TDB2 database on disk); returns whether it did. */
    static boolean install(DatasetGraph dsg) {
        try {
            DatasetGraphTDB tdb = TDBInternal.getDatasetGraphTDB(dsg);
            if (tdb == null || tdb.getLocation().isMem()) return false;
            NodeTable base = tdb.getQuadTable().getNodeTupleTable().getNodeTable().baseNodeTable();
            if (!(base instanceof NodeTableTRDF trdf) || !(trdf.getData() instanceof TransBinaryDataFile trans)) return false;
            if (!(field(TransBinaryDataFile.class, "binFile").get(trans) instanceof BinaryDataFileWriteBuffered buffered)) return false;
            Field other = field(BinaryDataFileWriteBuffered.class, "other");
            Object file = other.get(buffered);
            if (file instanceof NodeFileLength) return true; // the same database opened again in this JVM
            if (!(file instanceof BinaryDataFileRandomAccess raw)) return false;
            other.set(buffered, new NodeFileLength(raw));
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LoggerFactory.getLogger(NodeFileLength.class).info("TDB2 node file length not cached (Jena internals differ): {}", e.toString());
            return false;
        }
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        Field f = type.getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }

    @Override
    public synchronized long length() {
        if (length < 0) length = file.length();
        return length;
    }

    @Override
    public synchronized long write(byte[] bytes, int offset, int count) {
        long at = file.write(bytes, offset, count);
        if (length >= 0) length = Math.max(length, at + count);
        return at;
    }

    @Override
    public synchronized void truncate(long size) {
        file.truncate(size);
        length = -1;
    }

    @Override
    public synchronized int read(long position, byte[] bytes, int offset, int count) {
        return file.read(position, bytes, offset, count);
    }

    @Override
    public synchronized void open() {
        file.open();
        length = -1;
    }

    @Override
    public synchronized boolean isOpen() {
        return file.isOpen();
    }

    @Override
    public synchronized void sync() {
        file.sync();
    }

    @Override
    public synchronized void close() {
        file.close();
        length = -1;
    }
}
