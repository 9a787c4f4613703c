package de.hanse.sparql.federation.execution;

import de.hanse.core.http.Problem;
import de.hanse.core.http.ProblemException;
import de.hanse.sparql.federation.peers.Source;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs source requests in parallel on a bounded pool (overall concurrency) with a semaphore per source (the peer's
 * {@code maxConcurrency}); the queue is bounded too, and a full queue answers 503. Tasks carry everything they need
 * (the {@link de.hanse.core.http.CallContext} travels in the task, not in thread-locals).
 *
 * <p>Thread-safe; one instance per node, closed at module stop.
 */
public final class RequestScheduler implements AutoCloseable {
    private final ThreadPoolExecutor pool;
    private final ConcurrentHashMap<String, Semaphore> perSource = new ConcurrentHashMap<>();

    public RequestScheduler(int threads, int queueSize) {
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(queueSize), r -> {
            Thread t = new Thread(r, "hanse-fedsparql-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
    }

    /** Submits {@code task} for {@code source}; it waits for a slot of that source until {@code deadlineNanos}. */
    public <T> Future<T> submit(Source source, long deadlineNanos, Callable<T> task) {
        Semaphore slots = perSource.computeIfAbsent(source.id() + "#" + source.maxConcurrency(), k -> new Semaphore(source.maxConcurrency()));
        try {
            return pool.submit(() -> {
                long wait = deadlineNanos - System.nanoTime();
                if (wait <= 0 || !slots.tryAcquire(wait, TimeUnit.NANOSECONDS))
                    throw new PeerFailure(source.id(), true, "no request slot before the query deadline");
                try {
                    return task.call();
                } finally {
                    slots.release();
                }
            });
        } catch (RejectedExecutionException e) {
            throw new ProblemException(Problem.of(503, "overloaded", "Federation busy",
                    "too many federated requests queued; retry later"));
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
