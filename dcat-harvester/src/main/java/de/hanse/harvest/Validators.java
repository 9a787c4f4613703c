package de.hanse.harvest;

import de.hanse.harvest.validate.RecordValidator;

/** Chooses the record validator the harvester uses. */
final class Validators {
    private Validators() {}

    static RecordValidator standard() {
        return RecordValidator.NONE;
    }
}
