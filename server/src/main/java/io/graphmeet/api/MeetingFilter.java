package io.graphmeet.api;

import io.graphmeet.errors.GraphError;
import java.util.Locale;

/** The two {@code $filter} expressions Graph answers on an onlineMeetings collection. */
sealed interface MeetingFilter {

    /** Graph's message for any other filter, or none. */
    String EXPECTED = "Filter expression expected - /onlineMeetings?$filter={ParameterName} eq '{id}'.";

    /** Our limit on a decoded {@code $filter}: far above any join link, far below what could cost anything. */
    int MAX_LENGTH = 2048;

    /** {@code JoinWebUrl eq '...'}. */
    record ByJoinWebUrl(String joinWebUrl) implements MeetingFilter {}

    /** {@code joinMeetingIdSettings/joinMeetingId eq '...'}. */
    record ByJoinMeetingId(String joinMeetingId) implements MeetingFilter {}

    /**
     * The filter in a decoded {@code $filter} value; property names match case-insensitively and {@code ''}
     * is an escaped quote, as in OData.
     */
    static MeetingFilter parse(String filter) {
        if (filter != null && filter.length() > MAX_LENGTH) {
            throw GraphError.BAD_REQUEST.with(
                    "The $filter value is longer than the limit of " + MAX_LENGTH + " characters.");
        }
        Equality equality = filter == null ? null : Equality.read(filter);
        if (equality == null) {
            throw GraphError.INVALID_ARGUMENT.with(EXPECTED);
        }
        return switch (equality.property().toLowerCase(Locale.ROOT)) {
            case "joinweburl" -> new ByJoinWebUrl(equality.value());
            case "joinmeetingidsettings/joinmeetingid" -> new ByJoinMeetingId(equality.value());
            default -> throw GraphError.INVALID_ARGUMENT.with(EXPECTED);
        };
    }

    /**
     * {@code property eq 'value'}: a property path of ASCII letters with at most one {@code /}, {@code eq}, and a
     * single-quoted string; spaces around and between. Read in one pass, with no backtracking.
     */
    record Equality(String property, String value) {

        /** The equality {@code text} holds, or null if it is anything else. */
        static Equality read(String text) {
            int end = text.length();
            int nameStart = skipSpaces(text, 0);
            int at = skipLetters(text, nameStart);
            if (at == nameStart) {
                return null;
            }
            if (at < end && text.charAt(at) == '/') {
                int segment = at + 1;
                at = skipLetters(text, segment);
                if (at == segment) {
                    return null;
                }
            }
            String property = text.substring(nameStart, at);
            int operator = skipSpaces(text, at);
            if (operator == at || !text.startsWith("eq", operator)) {
                return null;
            }
            int quote = skipSpaces(text, operator + 2);
            if (quote == operator + 2 || quote == end || text.charAt(quote) != '\'') {
                return null;
            }
            StringBuilder value = new StringBuilder(end - quote);
            at = quote + 1;
            while (true) {
                if (at == end) {
                    return null;
                }
                char c = text.charAt(at++);
                if (c == '\'') {
                    if (at == end || text.charAt(at) != '\'') {
                        break;
                    }
                    at++;
                }
                value.append(c);
            }
            return skipSpaces(text, at) == end ? new Equality(property, value.toString()) : null;
        }

        private static int skipSpaces(String text, int from) {
            int at = from;
            while (at < text.length() && " \t\n\u000B\f\r".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
            return at;
        }

        private static int skipLetters(String text, int from) {
            int at = from;
            while (at < text.length() && isAsciiLetter(text.charAt(at))) {
                at++;
            }
            return at;
        }

        private static boolean isAsciiLetter(char c) {
            return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
        }
    }
}
