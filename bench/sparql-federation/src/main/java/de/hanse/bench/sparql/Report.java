package de.hanse.bench.sparql;

import java.util.Map;

/** Formats the benchmark results as the Markdown table recorded in docs/benchmarks.md. */
final class Report {
    private Report() {}

    static String markdown(Map<String, FederationBench.Measure[]> results, long triples, double scale, int reps, long seed) {
        StringBuilder b = new StringBuilder();
        b.append(String.format("Federation: hub + 4 cities, %,d triples (scale %s, seed %d), %d warm repetitions after one cold run (one when the cold run took over 30 s).%n%n", triples, scale, seed, reps));
        b.append("| query | FedX median ms | FedX requests | Hanse median ms | Hanse requests | rows FedX / Hanse | cold ms FedX / Hanse | cold requests FedX / Hanse |\n");
        b.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        long fTotal = 0, hTotal = 0, fReq = 0, hReq = 0;
        boolean complete = true;
        for (Map.Entry<String, FederationBench.Measure[]> e : results.entrySet()) {
            FederationBench.Measure f = e.getValue()[0], h = e.getValue()[1];
            b.append(String.format("| %s | %s | %d | %s | %d | %d / %d%s | %d / %d | %d / %d |%n", e.getKey(), ms(f), f.warmRequests(), ms(h),
                    h.warmRequests(), f.rows(), h.rows(), f.rows() == h.rows() ? "" : " **differ**", f.coldMs(), h.coldMs(), f.coldRequests(), h.coldRequests()));
            if (f.error() != null || h.error() != null) {
                complete = false;
                continue;
            }
            fTotal += f.median();
            hTotal += h.median();
            fReq += f.warmRequests();
            hReq += h.warmRequests();
        }
        b.append(String.format("| **total%s** | **%d** | **%d** | **%d** | **%d** | | | |%n", complete ? "" : " (queries both finished)", fTotal, fReq, hTotal, hReq));
        b.append(String.format("%nHanse / FedX total time: %.2f; requests: %.2f%s%n", fTotal == 0 ? 0 : (double) hTotal / fTotal,
                fReq == 0 ? 0 : (double) hReq / fReq, complete ? "" : " (over the queries both engines finished; failures below)"));
        for (Map.Entry<String, FederationBench.Measure[]> e : results.entrySet())
            for (int i = 0; i < 2; i++)
                if (e.getValue()[i].error() != null)
                    b.append(String.format("- %s, %s: %s%n", e.getKey(), i == 0 ? "FedX" : "Hanse", e.getValue()[i].error()));
        return b.toString();
    }

    private static String ms(FederationBench.Measure m) {
        return m.error() != null && m.warmMs().isEmpty() ? "failed" : Long.toString(m.median());
    }
}
