package de.hanse.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.hanse.core.config.LoggingConfig;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** logging.format / logging.level on a private logback context with a text appender, as logback.xml sets up. */
class LogFormatTest {
    private final LoggerContext lc = new LoggerContext();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private Logger root;

    @BeforeEach
    void textAppender() {
        lc.setMDCAdapter(MDC.getMDCAdapter()); // the events read the MDC that TraceContext writes
        lc.start();
        PatternLayoutEncoder text = new PatternLayoutEncoder();
        text.setContext(lc);
        text.setPattern("%level %logger %X{requestId} - %msg%n");
        text.start();
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(lc);
        appender.setName("text");
        appender.setEncoder(text);
        appender.setOutputStream(out);
        appender.start();
        root = lc.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(appender);
    }

    private String logOneLine() {
        MDC.put(TraceContext.REQUEST_ID, "0af7651916cd43dd8448eb211c80319c");
        try {
            lc.getLogger("de.hanse.test").info("harvest {} done", "kiel");
        } finally {
            MDC.remove(TraceContext.REQUEST_ID);
        }
        return out.toString(StandardCharsets.UTF_8).trim();
    }

    @Test
    void jsonFormatWritesOneJsonObjectPerLineWithTheRequestId() throws Exception {
        assertThat(LogFormat.apply(new LoggingConfig("json", null), Map.of(), lc)).isEqualTo(1);
        String written = logOneLine();
        JsonNode line = new ObjectMapper().readTree(written);
        assertThat(line.isObject()).as(written).isTrue();
        assertThat(line.path("level").asText()).isEqualTo("INFO");
        assertThat(line.path("loggerName").asText()).isEqualTo("de.hanse.test");
        assertThat(line.path("formattedMessage").asText()).isEqualTo("harvest kiel done");
        assertThat(line.at("/mdc/requestId").asText()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
    }

    @Test
    void textStaysTextAndTheEnvironmentWins() {
        assertThat(LogFormat.apply(new LoggingConfig("text", null), Map.of(), lc)).isZero();
        assertThat(LogFormat.apply(new LoggingConfig("json", null), Map.of("HANSE_LOG_FORMAT", "text"), lc)).isZero();
        assertThat(logOneLine()).isEqualTo("INFO de.hanse.test 0af7651916cd43dd8448eb211c80319c - harvest kiel done");
    }

    @Test
    void levelFromConfigUnlessTheEnvironmentSetsIt() {
        LogFormat.apply(new LoggingConfig(null, "WARN"), Map.of("HANSE_LOG_LEVEL", "DEBUG"), lc);
        assertThat(root.getLevel()).isEqualTo(Level.INFO);
        LogFormat.apply(new LoggingConfig(null, "WARN"), Map.of(), lc);
        assertThat(root.getLevel()).isEqualTo(Level.WARN);
        assertThat(logOneLine()).isEmpty();
    }
}
