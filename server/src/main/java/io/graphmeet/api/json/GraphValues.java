package io.graphmeet.api.json;

import io.graphmeet.http.JsonFields;
import io.graphmeet.http.RequestRefusedException;
import io.graphmeet.meetings.Timestamp;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Graph's typed string values in request bodies: enum members by their camelCase names, and date-times. */
final class GraphValues {

    private static final String UNKNOWN_FUTURE_VALUE = "unknownFutureValue";

    private GraphValues() {}

    /** A member of {@code type} by Graph's camelCase name; {@code unknownFutureValue} is not one a caller may set. */
    static <E extends Enum<E>> JsonFields.Parser<E> member(Class<E> type) {
        return (text, label) -> {
            E value = EnumNames.parse(type, text);
            if (value == null || text.equalsIgnoreCase(UNKNOWN_FUTURE_VALUE)) {
                String allowed = Arrays.stream(type.getEnumConstants())
                        .map(constant -> EnumNames.camel(constant.name()))
                        .filter(member -> !member.equals(UNKNOWN_FUTURE_VALUE))
                        .collect(Collectors.joining(", "));
                throw RequestRefusedException.malformed(label + ": '" + text + "' is not one of " + allowed + ".");
            }
            return value;
        };
    }

    /** An ISO-8601 date-time with an offset and at most 7 fractional digits, as Graph writes them. */
    static Timestamp timestamp(String text, String label) {
        Timestamp parsed = Timestamp.parseOrNull(text);
        if (parsed == null) {
            throw RequestRefusedException.malformed(label + ": '" + text + "' is not an ISO-8601 date-time with an "
                    + "offset and at most 7 fractional digits.");
        }
        return parsed;
    }
}
