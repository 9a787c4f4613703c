package de.hanse.core.config;

/**
 * A configuration problem found at start-up. The message always names the offending key and, when the value came
 * from a file, that file, so an operator can fix it without reading code.
 */
public final class ConfigException extends RuntimeException {
    private final String key;

    public ConfigException(String key, String message) {
        super(message);
        this.key = key;
    }

    public ConfigException(String key, String message, Throwable cause) {
        super(message, cause);
        this.key = key;
    }

    /** Dotted path of the offending key, e.g. {@code harvest.sources[1].url}. */
    public String key() {
        return key;
    }

    /** Thrown by record constructors; {@link ConfigLoader} prefixes the enclosing path and the file. */
    public static ConfigException invalid(String key, String why) {
        return new ConfigException(key, key + ": " + why);
    }
}
