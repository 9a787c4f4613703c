package de.hanse.catalogue.search.extract;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * Parses the date forms found in DCAT (xsd:date, xsd:dateTime with or without offset, xsd:gYearMonth, xsd:gYear)
 * to epoch milliseconds (UTC). A partial date stands for a period: {@code end=false} gives its first instant,
 * {@code end=true} its last. Stateless and thread-safe.
 */
public final class Dates {
    private Dates() {}

    /** Epoch ms, or {@link IllegalArgumentException} naming what is wrong. */
    public static long parse(String s, boolean end) {
        String v = s.strip();
        try {
            if (v.length() == 4 && v.chars().allMatch(Character::isDigit)) {
                int y = Integer.parseInt(v);
                return end ? ms(LocalDate.of(y, 12, 31), true) : ms(LocalDate.of(y, 1, 1), false);
            }
            if (v.length() == 7) {
                YearMonth ym = YearMonth.parse(v);
                return end ? ms(ym.atEndOfMonth(), true) : ms(ym.atDay(1), false);
            }
            if (v.length() == 10) return ms(LocalDate.parse(v), end);
            if (v.endsWith("Z") || v.matches(".*[+-]\\d\\d:\\d\\d$"))
                return OffsetDateTime.parse(v).toInstant().toEpochMilli();
            return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("'" + s + "' is not a date (use YYYY-MM-DD or an ISO 8601 date-time)");
        }
    }

    /** Like {@link #parse} but {@code null} for anything unparseable: harvested data is not always clean. */
    public static Long parseOrNull(String s, boolean end) {
        try {
            return s == null ? null : parse(s, end);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static long ms(LocalDate d, boolean end) {
        long start = d.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        return end ? start + 86_400_000L - 1 : start;
    }
}
