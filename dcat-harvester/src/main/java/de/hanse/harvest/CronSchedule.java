package de.hanse.harvest;

import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.Locale;

/**
 * A five-field cron expression as crontab(5) reads it: minute (0-59), hour (0-23), day of month (1-31), month
 * (1-12 or JAN-DEC), day of week (0-7 or SUN-SAT, 0 and 7 both Sunday). Each field is {@code *}, a value, a range
 * {@code a-b}, a step ({@code *}{@code /15}, {@code 0-30/10}, {@code 5/20}) or a comma list of these. As in
 * Vixie cron, when both day of month and day of week are restricted, a day matching either is due. Immutable and
 * thread-safe; times are evaluated in the zone of the instant passed to {@link #next}.
 */
public final class CronSchedule {
    private static final String[] MONTHS = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
    private static final String[] DAYS = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};
    /** Looking further ahead than this without a match means the expression can never match (e.g. 31 February). */
    private static final int MAX_YEARS = 5;

    private final String expression;
    private final BitSet minutes, hours, daysOfMonth, months, daysOfWeek;
    private final boolean domRestricted, dowRestricted;

    private CronSchedule(String expression, String[] f) {
        this.expression = expression;
        minutes = field(f[0], 0, 59, null, "minute");
        hours = field(f[1], 0, 23, null, "hour");
        daysOfMonth = field(f[2], 1, 31, null, "day of month");
        months = field(f[3], 1, 12, MONTHS, "month");
        BitSet dow = field(f[4], 0, 7, DAYS, "day of week");
        if (dow.get(7)) dow.set(0);
        daysOfWeek = dow;
        domRestricted = !f[2].startsWith("*");
        dowRestricted = !f[4].startsWith("*");
    }

    /** Parses five whitespace-separated fields; throws {@link IllegalArgumentException} saying which field is wrong. */
    public static CronSchedule parse(String expression) {
        String[] f = expression.trim().split("\\s+");
        if (f.length != 5)
            throw new IllegalArgumentException("cron expression '" + expression + "' needs 5 fields (minute hour day-of-month month day-of-week), has " + f.length);
        return new CronSchedule(expression.trim(), f);
    }

    /** The first minute strictly after {@code after} at which the schedule is due (seconds zero). */
    public ZonedDateTime next(ZonedDateTime after) {
        ZonedDateTime t = after.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        ZonedDateTime limit = after.plusYears(MAX_YEARS);
        while (t.isBefore(limit)) {
            if (!months.get(t.getMonthValue())) {
                t = t.withDayOfMonth(1).withHour(0).withMinute(0).plusMonths(1);
            } else if (!dayMatches(t)) {
                t = t.withHour(0).withMinute(0).plusDays(1);
            } else if (!hours.get(t.getHour())) {
                t = t.withMinute(0).plusHours(1);
            } else if (!minutes.get(t.getMinute())) {
                t = t.plusMinutes(1);
            } else {
                return t;
            }
        }
        throw new IllegalStateException("cron expression '" + expression + "' never matches");
    }

    private boolean dayMatches(ZonedDateTime t) {
        boolean dom = daysOfMonth.get(t.getDayOfMonth());
        boolean dow = daysOfWeek.get(t.getDayOfWeek().getValue() % 7);
        if (domRestricted && dowRestricted) return dom || dow;
        return dom && dow;
    }

    private static BitSet field(String text, int min, int max, String[] names, String what) {
        BitSet bits = new BitSet(max + 1);
        for (String part : text.split(",", -1)) {
            try {
                String range = part;
                int step = 1;
                int slash = part.indexOf('/');
                if (slash >= 0) {
                    range = part.substring(0, slash);
                    step = Integer.parseInt(part.substring(slash + 1));
                    if (step < 1) throw new IllegalArgumentException("step must be at least 1");
                }
                int lo, hi;
                if (range.equals("*")) {
                    lo = min;
                    hi = max;
                } else {
                    int dash = range.indexOf('-');
                    lo = value(dash >= 0 ? range.substring(0, dash) : range, names, min);
                    hi = dash >= 0 ? value(range.substring(dash + 1), names, min) : (slash >= 0 ? max : lo);
                }
                if (lo < min || hi > max || lo > hi) throw new IllegalArgumentException(lo + "-" + hi + " is outside " + min + "-" + max);
                for (int v = lo; v <= hi; v += step) bits.set(v);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("cron " + what + " field '" + text + "': " + (e instanceof NumberFormatException ? "'" + part + "' is not a number" : e.getMessage()));
            }
        }
        return bits;
    }

    private static int value(String s, String[] names, int min) {
        if (names != null) {
            String u = s.toUpperCase(Locale.ROOT);
            for (int i = 0; i < names.length; i++) if (names[i].equals(u)) return i + (min == 1 ? 1 : 0);
        }
        return Integer.parseInt(s);
    }

    @Override
    public String toString() {
        return expression;
    }
}
