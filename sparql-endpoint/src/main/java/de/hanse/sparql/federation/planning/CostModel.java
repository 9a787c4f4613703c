package de.hanse.sparql.federation.planning;

/**
 * Chooses bind join or hash join for one step from cardinality estimates. A request costs {@link #REQUEST}; a row
 * shipped and parsed costs {@link #ROW} (about 1/500 of a request on loopback; on real networks requests cost more,
 * which favours the same choice). Hash join: one request per source, all the group's rows. Bind join: one request per
 * batch of {@link #BATCH} distinct keys per source, only matching rows. Pure.
 */
public final class CostModel {
    private CostModel() {}

    public static final double REQUEST = 1.0;
    public static final double ROW = 0.002;
    /** Keys per VALUES block (FedX ships 25; Fuseki and Virtuoso handle hundreds cheaply). */
    public static final int BATCH = 200;

    /**
     * @param keys         distinct join keys to ship
     * @param bindRequests requests a bind join needs (batches per source after routing)
     * @param sources      sources a hash join asks
     * @param estimate     estimated solutions of the group on its own
     */
    public static boolean preferBindJoin(long keys, long bindRequests, int sources, long estimate) {
        return bindCost(keys, bindRequests, estimate) < hashCost(sources, estimate);
    }

    /** Fetching a group whole: one request per source, every row. */
    public static double hashCost(int sources, long estimate) {
        return sources * REQUEST + Math.max(0, estimate) * ROW;
    }

    /** Shipping keys: one request per batch and source, at most one matching row per key (or the estimate). */
    public static double bindCost(long keys, long bindRequests, long estimate) {
        return bindRequests * REQUEST + Math.min(Math.max(0, estimate), keys) * ROW;
    }
}
