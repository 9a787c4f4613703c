package de.hanse.harvest;

import de.hanse.harvest.validate.RecordValidator;
import de.hanse.harvest.validate.ShaclRecordValidator;

/**
 * The record validator the harvester and the {@code validate} command use: SHACL with the bundled DCAT-AP 3.0.0 +
 * DCAT-AP.de 3.0 shapes and vocabulary typings. The shapes are parsed once, on first use, and shared (the
 * validator is thread-safe).
 */
public final class Validators {
    private Validators() {}

    private static final class Holder {
        static final RecordValidator SHACL = new ShaclRecordValidator();
    }

    public static RecordValidator standard() {
        return Holder.SHACL;
    }
}
