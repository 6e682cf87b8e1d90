package io.graphmeet.api.json;

import java.util.Locale;

/**
 * Graph's camelCase enum names, and its rule for evolvable members: those declared after
 * {@code unknownFutureValue} are shown only to callers who send {@code Prefer: include-unknown-enum-members}.
 */
final class EnumNames {

    private static final String SENTINEL = "UNKNOWN_FUTURE_VALUE";

    private EnumNames() {}

    static String render(Enum<?> value, boolean includeUnknownMembers) {
        if (value == null) {
            return null;
        }
        if (!includeUnknownMembers && isEvolvable(value)) {
            return camel(SENTINEL);
        }
        return camel(value.name());
    }

    /** The constant whose camelCase name equals {@code text}, ignoring case, or null. */
    static <E extends Enum<E>> E parse(Class<E> type, String text) {
        for (E constant : type.getEnumConstants()) {
            if (camel(constant.name()).equalsIgnoreCase(text)) {
                return constant;
            }
        }
        return null;
    }

    private static boolean isEvolvable(Enum<?> value) {
        for (Enum<?> constant : value.getDeclaringClass().getEnumConstants()) {
            if (constant.name().equals(SENTINEL)) {
                return value.ordinal() > constant.ordinal();
            }
        }
        return false;
    }

    static String camel(String upperSnake) {
        StringBuilder out = new StringBuilder(upperSnake.length());
        boolean upperNext = false;
        for (char c : upperSnake.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '_') {
                upperNext = true;
            } else {
                out.append(upperNext ? Character.toUpperCase(c) : c);
                upperNext = false;
            }
        }
        return out.toString();
    }
}
