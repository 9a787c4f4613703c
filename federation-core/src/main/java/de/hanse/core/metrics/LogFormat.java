package de.hanse.core.metrics;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import de.hanse.core.config.LoggingConfig;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Applies {@code logging.format} and {@code logging.level} of the node configuration to logback at start-up. The
 * environment wins, as in the bundled {@code logback.xml}: with {@code HANSE_LOG_FORMAT} set the format is left
 * alone, with {@code HANSE_LOG_LEVEL} set the level is. {@code json} switches every stream appender of the root
 * logger (console, file) to logback's {@link JsonEncoder}, one JSON object per line with the MDC (request id).
 * The root level is only changed when the configuration asks for something other than the default INFO. Does
 * nothing when SLF4J is not bound to logback. Call from the assembling thread.
 */
final class LogFormat {
    private LogFormat() {}

    /** Applies {@code config} to the process's logback, if logback is the SLF4J binding. */
    static void apply(LoggingConfig config, Map<String, String> env) {
        try {
            if (LoggerFactory.getILoggerFactory() instanceof LoggerContext lc) apply(config, env, lc);
        } catch (NoClassDefFoundError e) {
            // logback is an optional dependency: another SLF4J binding keeps its own configuration
        }
    }

    /** Returns the number of appenders switched to JSON. */
    static int apply(LoggingConfig config, Map<String, String> env, LoggerContext lc) {
        Logger root = lc.getLogger(Logger.ROOT_LOGGER_NAME);
        if (env.get("HANSE_LOG_LEVEL") == null && !config.level().equalsIgnoreCase("INFO"))
            root.setLevel(Level.toLevel(config.level(), Level.INFO));
        if (env.get("HANSE_LOG_FORMAT") != null || !config.format().equals("json")) return 0;
        List<Appender<ILoggingEvent>> appenders = new ArrayList<>();
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) appenders.add(it.next());
        int switched = 0;
        for (Appender<ILoggingEvent> a : appenders) {
            if (!(a instanceof OutputStreamAppender<ILoggingEvent> out) || out.getEncoder() instanceof JsonEncoder) continue;
            JsonEncoder json = new JsonEncoder();
            json.setContext(lc);
            json.setWithFormattedMessage(true);
            json.setWithMessage(false);
            json.setWithArguments(false);
            json.start();
            // swapped in place: stopping would close the stream, and a plain stream cannot be reopened
            var previous = out.getEncoder();
            out.setEncoder(json);
            if (previous != null) previous.stop();
            switched++;
        }
        return switched;
    }
}
