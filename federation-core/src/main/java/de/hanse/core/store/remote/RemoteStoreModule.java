package de.hanse.core.store.remote;

import de.hanse.core.node.NodeContext;
import de.hanse.core.node.NodeModule;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.jena.fuseki.main.FusekiServer;
import org.glassfish.jersey.server.ResourceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read replica's lifecycle with {@code store.mode: remote} (does nothing otherwise): at start the writer takes
 * the writer generation, then the replica syncs once; afterwards it polls every {@code store.syncInterval} on its
 * own thread (a sync may wait for a harvest's write lock, so it never blocks the shared scheduler). The node is not
 * ready until the first sync succeeded; an unreachable store is logged in one line per state change and retried
 * every 2 s until then, never crashing the node.
 */
public final class RemoteStoreModule implements NodeModule {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteStoreModule.class);
    private static final Duration RETRY = Duration.ofSeconds(2);

    private RemoteStore remote;
    private RemoteSync sync;
    private ScheduledExecutorService thread;
    private volatile boolean synced;
    private volatile String lastError;

    @Override
    public String name() {
        return "remote-store";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public void configure(NodeContext ctx, ResourceConfig jersey, FusekiServer.Builder server) {
        remote = ctx.store().remote().orElse(null);
        if (remote != null) sync = new RemoteSync(ctx.store(), remote.sparql(), remote.publisher());
    }

    /** The replica's sync, or {@code null} without a remote store. Available after {@link #configure}. */
    public RemoteSync sync() {
        return sync;
    }

    @Override
    public void start(NodeContext ctx) {
        if (sync == null) return;
        thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hanse-store-sync-" + ctx.config().name());
            t.setDaemon(true);
            return t;
        });
        LOG.info("remote store: query {}, update {}, {} replica, sync every {}", remote.config().query(), remote.config().update(),
                remote.publisher().writer() ? "writer" : "read-only", remote.config().syncInterval());
        poll();
    }

    /** One round: take the generation if this is the writer and has none, sync, then schedule the next round. */
    private void poll() {
        try {
            if (remote.publisher().writer() && remote.publisher().generation() == null) remote.publisher().acquire();
            long t0 = System.nanoTime();
            int n = sync.syncOnce();
            if (n > 0) LOG.info("remote store: {} units replaced in {} ms, now at version {}", n, (System.nanoTime() - t0) / 1_000_000, sync.applied());
            if (!synced || lastError != null) LOG.info("remote store: in sync at version {}", sync.applied());
            synced = true;
            lastError = null;
        } catch (RuntimeException e) {
            if (thread != null && thread.isShutdown()) return; // the node is closing: an interrupted call is no failure
            String why = String.valueOf(e.getMessage());
            if (!why.equals(lastError)) LOG.warn("remote store: sync failed, {}; retrying: {}", synced ? "serving the last synced state" : "not ready", why);
            lastError = why;
        }
        try {
            Duration next = synced ? remote.config().syncInterval() : RETRY.compareTo(remote.config().syncInterval()) < 0 ? RETRY : remote.config().syncInterval();
            if (thread != null && !thread.isShutdown()) thread.schedule(this::poll, next.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException stopped) {
            // the node is closing
        }
    }

    @Override
    public boolean ready() {
        return sync == null || synced;
    }

    @Override
    public void stop() {
        if (thread != null) thread.shutdownNow();
    }
}
