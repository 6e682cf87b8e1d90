package io.graphmeet.api;

import io.graphmeet.errors.GraphError;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The two {@code $filter} expressions Graph answers on an onlineMeetings collection. */
sealed interface MeetingFilter {

    /** Graph's message for any other filter, or none. */
    String EXPECTED = "Filter expression expected - /onlineMeetings?$filter={ParameterName} eq '{id}'.";

    Pattern EQUALS = Pattern.compile("\\s*([A-Za-z]+(?:/[A-Za-z]+)?)\\s+eq\\s+'((?:[^']|'')*)'\\s*");

    /** {@code JoinWebUrl eq '...'}. */
    record ByJoinWebUrl(String joinWebUrl) implements MeetingFilter {}

    /** {@code joinMeetingIdSettings/joinMeetingId eq '...'}. */
    record ByJoinMeetingId(String joinMeetingId) implements MeetingFilter {}

    /**
     * The filter in a decoded {@code $filter} value; property names match case-insensitively and {@code ''}
     * is an escaped quote, as in OData.
     */
    static MeetingFilter parse(String filter) {
        Matcher match = filter == null ? null : EQUALS.matcher(filter);
        if (match == null || !match.matches()) {
            throw GraphError.INVALID_ARGUMENT.with(EXPECTED);
        }
        String value = match.group(2).replace("''", "'");
        return switch (match.group(1).toLowerCase(Locale.ROOT)) {
            case "joinweburl" -> new ByJoinWebUrl(value);
            case "joinmeetingidsettings/joinmeetingid" -> new ByJoinMeetingId(value);
            default -> throw GraphError.INVALID_ARGUMENT.with(EXPECTED);
        };
    }
}
