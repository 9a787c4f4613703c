package de.hanse.harvest;

import de.hanse.harvest.validate.RecordValidator;

/** Chooses the record validator the harvester and the {@code validate} command use. */
public final class Validators {
    private Validators() {}

    public static RecordValidator standard() {
        return RecordValidator.NONE;
    }
}
