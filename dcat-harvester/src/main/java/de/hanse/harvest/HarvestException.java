package de.hanse.harvest;

/** A harvest run cannot go on; the message says why in terms an operator understands (URL, page, status). */
public final class HarvestException extends Exception {
    public HarvestException(String message) {
        super(message);
    }

    public HarvestException(String message, Throwable cause) {
        super(message, cause);
    }
}
