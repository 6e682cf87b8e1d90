package io.graphmeet.meetings;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * A UTC instant that remembers how many fractional-second digits (0 to 7) it was given with, so that
 * it is written back with the same precision, as Graph does. Times read from callers lie within the years 0001
 * to 9999 in UTC, the range of Graph's (and .NET's) DateTimeOffset.
 */
public record Timestamp(Instant instant, int fractionDigits) implements Comparable<Timestamp> {

    /** Graph writes server-made times with seven fractional digits (100 ns ticks). */
    public static final int GRAPH_PRECISION = 7;

    /** The earliest instant a caller may give: 0001-01-01T00:00:00Z. */
    private static final Instant MIN_INSTANT = Instant.parse("0001-01-01T00:00:00Z");

    /** The latest instant Graph can write: 9999-12-31T23:59:59.9999999Z. */
    public static final Timestamp MAX = new Timestamp(Instant.parse("9999-12-31T23:59:59.9999999Z"), GRAPH_PRECISION);

    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    public Timestamp {
        if (fractionDigits < 0 || fractionDigits > GRAPH_PRECISION) {
            throw new IllegalArgumentException("fractionDigits must be 0..7, was " + fractionDigits);
        }
        instant = instant.truncatedTo(ChronoUnit.SECONDS).plusNanos(truncate(instant.getNano(), fractionDigits));
    }

    /**
     * Reads ISO-8601 with any offset and 0 to 7 fractional digits, within the years 0001 to 9999 once in UTC;
     * returns null for anything else.
     */
    public static Timestamp parseOrNull(String text) {
        OffsetDateTime parsed;
        try {
            parsed = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            return null;
        }
        int digits = fractionDigitsOf(text);
        Instant instant = parsed.toInstant();
        if (digits > GRAPH_PRECISION || instant.isBefore(MIN_INSTANT) || instant.isAfter(MAX.instant)) {
            return null;
        }
        return new Timestamp(instant, digits);
    }

    /** The instant at Graph's precision of seven digits. */
    public static Timestamp of(Instant instant) {
        return new Timestamp(instant, GRAPH_PRECISION);
    }

    public Timestamp plus(Duration duration) {
        return new Timestamp(instant.plus(duration), fractionDigits);
    }

    /** This timestamp, or {@code latest} if this one is later. */
    public Timestamp atMost(Timestamp latest) {
        return latest.isBefore(this) ? latest : this;
    }

    public boolean isBefore(Timestamp other) {
        return instant.isBefore(other.instant);
    }

    @Override
    public int compareTo(Timestamp other) {
        return instant.compareTo(other.instant);
    }

    /** ISO-8601 in UTC with a trailing {@code Z} and exactly {@link #fractionDigits()} digits. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(28).append(SECONDS.format(instant));
        if (fractionDigits > 0) {
            String nanos = String.format("%09d", instant.getNano());
            text.append('.').append(nanos, 0, fractionDigits);
        }
        return text.append('Z').toString();
    }

    private static int fractionDigitsOf(String text) {
        int dot = text.indexOf('.', text.indexOf('T'));
        if (dot < 0) {
            return 0;
        }
        int end = dot + 1;
        while (end < text.length() && Character.isDigit(text.charAt(end))) {
            end++;
        }
        return end - dot - 1;
    }

    private static int truncate(int nanos, int digits) {
        int unit = (int) Math.pow(10, 9 - digits);
        return nanos / unit * unit;
    }
}
