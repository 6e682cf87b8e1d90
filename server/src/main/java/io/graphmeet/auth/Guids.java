package io.graphmeet.auth;

import java.util.Locale;
import java.util.regex.Pattern;

/** Entra's object and tenant ids: GUIDs, compared without regard to case, so kept in lower case once read. */
final class Guids {

    private static final Pattern GUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Guids() {}

    static boolean isGuid(String text) {
        return text != null && GUID.matcher(text).matches();
    }

    /** {@code text} in lower case if it is a GUID, else null. */
    static String normalised(String text) {
        return isGuid(text) ? text.toLowerCase(Locale.ROOT) : null;
    }
}
