package de.hanse.bench.sparql;

import java.util.Map;

/** Formats the benchmark results as the Markdown table recorded in docs/benchmarks.md. */
final class Report {
    private Report() {}

    static String markdown(Map<String, FederationBench.Measure[]> results, Map<String, FederationBench.Reference> refs, long triples, double scale, int reps, long seed) {
        StringBuilder b = new StringBuilder();
        b.append(String.format("Federation: hub + 4 cities, %,d triples (scale %s, seed %d), %d warm repetitions after one cold run (one when the cold run took over 30 s).%n%n", triples, scale, seed, reps));
        b.append("| query | FedX median ms | FedX requests | Hanse median ms | Hanse requests | Hanse / FedX time | rows FedX / Hanse / union store | cold ms FedX / Hanse | cold requests FedX / Hanse |\n");
        b.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        long fTotal = 0, hTotal = 0, fReq = 0, hReq = 0;
        boolean complete = true;
        for (Map.Entry<String, FederationBench.Measure[]> e : results.entrySet()) {
            FederationBench.Measure f = e.getValue()[0], h = e.getValue()[1];
            FederationBench.Reference ref = refs.get(e.getKey());
            // An engine that failed has no row count to compare; the others must match the union store.
            boolean same = (f.rows() < 0 || f.rows() == ref.rows()) && (h.rows() < 0 || (h.rows() == ref.rows() && ref.hanseSame()));
            b.append(String.format("| %s | %s | %d | %s | %d | %s | %s / %s / %d%s | %d / %d | %d / %d |%n", e.getKey(), ms(f), f.warmRequests(), ms(h),
                    h.warmRequests(), ratio(f, h), rows(f), rows(h), ref.rows(), same ? "" : " **differ**", f.coldMs(), h.coldMs(), f.coldRequests(), h.coldRequests()));
            if (f.error() != null || h.error() != null) {
                complete = false;
                continue;
            }
            fTotal += f.median();
            hTotal += h.median();
            fReq += f.warmRequests();
            hReq += h.warmRequests();
        }
        b.append(String.format("| **total%s** | **%d** | **%d** | **%d** | **%d** | **%.2f** | | | |%n", complete ? "" : " (queries both finished)", fTotal, fReq,
                hTotal, hReq, fTotal == 0 ? 0 : (double) hTotal / fTotal));
        b.append(String.format("%nHanse's solutions equal the union store's (as multisets) for %d of %d queries.%n",
                refs.values().stream().filter(FederationBench.Reference::hanseSame).count(), refs.size()));
        b.append(String.format("Hanse / FedX total time: %.2f; requests: %.2f%s%n", fTotal == 0 ? 0 : (double) hTotal / fTotal,
                fReq == 0 ? 0 : (double) hReq / fReq, complete ? "" : " (over the queries both engines finished; failures below)"));
        for (Map.Entry<String, FederationBench.Measure[]> e : results.entrySet())
            for (int i = 0; i < 2; i++)
                if (e.getValue()[i].error() != null)
                    b.append(String.format("- %s, %s: %s%n", e.getKey(), i == 0 ? "FedX" : "Hanse", e.getValue()[i].error()));
        return b.toString();
    }

    private static String ratio(FederationBench.Measure f, FederationBench.Measure h) {
        if (f.error() != null || h.error() != null || f.median() <= 0) return "-";
        return String.format("%.2f", (double) h.median() / f.median());
    }

    private static String rows(FederationBench.Measure m) {
        return m.rows() < 0 ? "failed" : Long.toString(m.rows());
    }

    private static String ms(FederationBench.Measure m) {
        return m.error() != null && m.warmMs().isEmpty() ? "failed" : Long.toString(m.median());
    }
}
