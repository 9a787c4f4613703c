package de.hanse.core.config;

import java.net.URI;
import java.time.Duration;

/** Small validators used by the configuration records' compact constructors. */
public final class Check {
    private Check() {}

    public static <T> T orDefault(T value, T dflt) {
        return value == null ? dflt : value;
    }

    public static String name(String key, String value) {
        if (value == null || value.isBlank()) throw ConfigException.invalid(key, "is required");
        if (!value.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}"))
            throw ConfigException.invalid(key, "'" + value + "' must be 1-63 letters, digits, '-', '_' or '.'");
        return value;
    }

    public static int port(String key, int value) {
        if (value < 0 || value > 65535) throw ConfigException.invalid(key, value + " is not a port (0-65535)");
        return value;
    }

    public static int positive(String key, int value) {
        if (value <= 0) throw ConfigException.invalid(key, value + " must be > 0");
        return value;
    }

    public static long positive(String key, long value) {
        if (value <= 0) throw ConfigException.invalid(key, value + " must be > 0");
        return value;
    }

    public static Duration positive(String key, Duration value) {
        if (value == null || value.isNegative() || value.isZero())
            throw ConfigException.invalid(key, value + " must be a positive duration (e.g. PT30S)");
        return value;
    }

    public static double share(String key, double value) {
        if (!(value >= 0 && value <= 1)) throw ConfigException.invalid(key, value + " must be between 0 and 1");
        return value;
    }

    /** An absolute http(s) URL, or a file path when {@code allowFile}. */
    public static String url(String key, String value, boolean allowFile) {
        if (value == null || value.isBlank()) throw ConfigException.invalid(key, "is required");
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            if (scheme == null) {
                if (allowFile) return value;
                throw ConfigException.invalid(key, "'" + value + "' is not an absolute http(s) URL");
            }
            if (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")) {
                if (uri.getHost() == null) throw ConfigException.invalid(key, "'" + value + "' has no host");
                return value;
            }
            if (allowFile && scheme.equalsIgnoreCase("file")) return value;
            throw ConfigException.invalid(key, "'" + value + "': only http(s) URLs" + (allowFile ? " or files" : "") + " are allowed");
        } catch (java.net.URISyntaxException e) {
            throw ConfigException.invalid(key, "'" + value + "' is not a valid URL: " + e.getReason());
        }
    }
}
