package de.hanse.catalogue.search.extract;

import de.hanse.core.vocab.Hanse;

/** Stable short ids for dataset IRIs, usable in URL paths: the first 24 hex digits of the IRI's SHA-256, the same id {@code /catalogue/datasets/{id}} uses. */
public final class DatasetIds {
    public static final int LENGTH = 24;

    private DatasetIds() {}

    public static String shortId(String datasetIri) {
        return Hanse.sha256Hex(datasetIri).substring(0, LENGTH);
    }

    /** Whether {@code s} has the shape of a short id (it may still name no dataset). */
    public static boolean isShortId(String s) {
        return s.length() == LENGTH && s.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    }
}
