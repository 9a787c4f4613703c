package de.hanse.harvest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** Five-field cron expressions for harvest schedules: next due times, day-of-month/day-of-week rules, errors. */
class CronScheduleTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static ZonedDateTime at(String local) {
        return java.time.LocalDateTime.parse(local).atZone(BERLIN);
    }

    private static String next(String cron, String from) {
        return CronSchedule.parse(cron).next(at(from)).toLocalDateTime().toString();
    }

    @Test
    void nightlyRunAtHalfPastTwo() {
        assertThat(next("30 2 * * *", "2026-06-01T01:00")).isEqualTo("2026-06-01T02:30");
        assertThat(next("30 2 * * *", "2026-06-01T02:30")).as("strictly after").isEqualTo("2026-06-02T02:30");
        assertThat(next("30 2 * * *", "2026-12-31T23:59")).isEqualTo("2027-01-01T02:30");
    }

    @Test
    void stepsRangesListsAndNames() {
        assertThat(next("*/15 * * * *", "2026-06-01T10:07")).isEqualTo("2026-06-01T10:15");
        assertThat(next("0 8-18/2 * * MON-FRI", "2026-06-05T18:01")).as("Friday evening to Monday 8:00").isEqualTo("2026-06-08T08:00");
        assertThat(next("0 6,18 * * *", "2026-06-01T06:00")).isEqualTo("2026-06-01T18:00");
        assertThat(next("0 0 1 jan,jul *", "2026-02-10T00:00")).isEqualTo("2026-07-01T00:00");
        assertThat(next("0 12 * * 7", "2026-06-01T00:00")).as("7 is Sunday").isEqualTo("2026-06-07T12:00");
    }

    @Test
    void dayOfMonthOrDayOfWeekWhenBothAreRestricted() {
        // the 13th or any Friday (Vixie cron): from Monday 2026-06-01 the first is Friday 5 June
        assertThat(next("0 9 13 * 5", "2026-06-01T00:00")).isEqualTo("2026-06-05T09:00");
        assertThat(next("0 9 13 * 5", "2026-06-12T10:00")).isEqualTo("2026-06-13T09:00");
    }

    @Test
    void leapDayAndDaylightSavingTime() {
        assertThat(next("0 0 29 2 *", "2026-03-01T00:00")).isEqualTo("2028-02-29T00:00");
        // 29 March 2026: clocks jump from 02:00 to 03:00 in Berlin; 02:30 does not exist that day
        assertThat(next("30 2 * * *", "2026-03-28T03:00")).isEqualTo("2026-03-30T02:30");
    }

    @Test
    void delayUntilTheNextRun() {
        assertThat(HarvestModule.untilNext(CronSchedule.parse("0 3 * * *"), at("2026-06-01T02:00"))).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void invalidExpressionsSayWhatIsWrong() {
        assertThatThrownBy(() -> CronSchedule.parse("0 3 * *")).hasMessageContaining("5 fields");
        assertThatThrownBy(() -> CronSchedule.parse("61 3 * * *")).hasMessageContaining("minute");
        assertThatThrownBy(() -> CronSchedule.parse("0 3 * * FUNDAY")).hasMessageContaining("day of week").hasMessageContaining("FUNDAY");
        assertThatThrownBy(() -> CronSchedule.parse("*/0 * * * *")).hasMessageContaining("step");
        assertThatThrownBy(() -> CronSchedule.parse("0 0 31 2 *").next(at("2026-01-01T00:00"))).hasMessageContaining("never matches");
    }
}
