package io.graphmeet.admin;

import io.graphmeet.errors.GraphError;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** The admin API's rules for query parameter values; each failure is a {@code 400} naming the parameter. */
final class QueryValues {

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.9999999Z");

    private QueryValues() {}

    /** A whole number between {@code min} and {@code max}, or {@code absent} when the parameter is not given. */
    static long whole(String value, String parameter, long min, long max, long absent) {
        if (value == null) {
            return absent;
        }
        try {
            long parsed = Long.parseLong(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw GraphError.BAD_REQUEST.with("Query parameter '" + parameter + "' must be a whole number from " + min
                + " to " + max + ", was '" + value + "'.");
    }

    /** An ISO-8601 date and time with an offset, such as {@code 2026-11-30T10:00:00Z}, or null when absent. */
    static Instant dateTime(String value, String parameter) {
        if (value == null) {
            return null;
        }
        try {
            Instant instant = OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant();
            if (!instant.isBefore(EARLIEST) && !instant.isAfter(LATEST)) {
                return instant;
            }
        } catch (DateTimeParseException e) {
            // refused below
        }
        throw GraphError.BAD_REQUEST.with("Query parameter '" + parameter + "' must be a date and time with an "
                + "offset between the years 0001 and 9999, such as 2026-11-30T10:00:00Z; was '" + value + "'.");
    }

    /** Text of at most {@code maxLength} characters, or null when absent. */
    static String text(String value, String parameter, int maxLength) {
        if (value != null && (value.isEmpty() || value.length() > maxLength)) {
            throw GraphError.BAD_REQUEST.with(
                    "Query parameter '" + parameter + "' must be 1 to " + maxLength + " characters.");
        }
        return value;
    }
}
