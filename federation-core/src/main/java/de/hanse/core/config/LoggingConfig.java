package de.hanse.core.config;

/**
 * Logging.
 *
 * @param format {@code text} (default) or {@code json} (one JSON object per line)
 * @param level  root level (default {@code INFO})
 */
public record LoggingConfig(String format, String level) {
    public LoggingConfig {
        format = Check.orDefault(format, "text");
        if (!format.equals("text") && !format.equals("json"))
            throw ConfigException.invalid("logging.format", "'" + format + "' is not one of text, json");
        level = Check.orDefault(level, "INFO");
    }

    public static LoggingConfig defaults() {
        return new LoggingConfig(null, null);
    }
}
