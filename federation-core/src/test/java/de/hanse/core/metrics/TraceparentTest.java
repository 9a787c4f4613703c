package de.hanse.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TraceparentTest {

    @Test
    void parsesAValidHeaderAndKeepsTheTraceInAChild() {
        Traceparent tp = Traceparent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01").orElseThrow();
        assertThat(tp.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(tp.spanId()).isEqualTo("00f067aa0ba902b7");
        Traceparent child = tp.child();
        assertThat(child.traceId()).isEqualTo(tp.traceId());
        assertThat(child.spanId()).isNotEqualTo(tp.spanId()).matches("[0-9a-f]{16}");
        assertThat(child.header()).startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-").endsWith("-01");
    }

    @Test
    void acceptsUpperCaseAndFutureVersionsWithExtraFields() {
        assertThat(Traceparent.parse("00-4BF92F3577B34DA6A3CE929D0E0E4736-00F067AA0BA902B7-00")).isPresent();
        assertThat(Traceparent.parse("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-future")).isPresent();
    }

    @Test
    void rejectsMalformedValues() {
        assertThat(Traceparent.parse(null)).isEmpty();
        assertThat(Traceparent.parse("")).isEmpty();
        assertThat(Traceparent.parse("garbage")).isEmpty();
        assertThat(Traceparent.parse("ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")).isEmpty();
        assertThat(Traceparent.parse("00-00000000000000000000000000000000-00f067aa0ba902b7-01")).isEmpty();
        assertThat(Traceparent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01")).isEmpty();
        assertThat(Traceparent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra")).isEmpty();
        assertThat(Traceparent.parse("00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01")).isEmpty();
        assertThat(Traceparent.parse("00-" + "a".repeat(600))).isEmpty();
    }

    @Test
    void newRootsAreValidAndDistinct() {
        Traceparent a = Traceparent.newRoot();
        Traceparent b = Traceparent.newRoot();
        assertThat(Traceparent.parse(a.header())).contains(a);
        assertThat(a.traceId()).isNotEqualTo(b.traceId());
    }
}
