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
        double bind = bindRequests * REQUEST + Math.min(estimate, keys) * ROW;
        double hash = sources * REQUEST + estimate * ROW;
        return bind < hash;
    }
}
