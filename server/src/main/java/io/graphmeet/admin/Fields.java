package io.graphmeet.admin;

import io.graphmeet.errors.GraphError;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/** The admin API's rules for identifiers and names; each failure is a {@code 400} naming the field. */
final class Fields {

    private static final Pattern GUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern UPN = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern POLICY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern PERMISSION = Pattern.compile("[A-Za-z][A-Za-z0-9.]{0,127}");
    private static final int MAX_TEXT = 256;

    private Fields() {}

    /** A GUID in lower case, as Entra writes object ids. */
    static String guid(String value, String field) {
        if (value == null || !GUID.matcher(value).matches()) {
            throw GraphError.BAD_REQUEST.with("Property '" + field + "' must be a GUID, was '" + value + "'.");
        }
        return value.toLowerCase(Locale.ROOT);
    }

    /** The given GUID, or a new random one when absent. */
    static String guidOrNew(String value, String field) {
        return value == null ? UUID.randomUUID().toString() : guid(value, field);
    }

    static List<String> guids(Collection<String> values, String field) {
        return values.stream()
                .map(value -> guid(value, field))
                .distinct()
                .sorted()
                .toList();
    }

    static String upn(String value, String field) {
        if (!UPN.matcher(value).matches() || value.length() > MAX_TEXT) {
            throw GraphError.BAD_REQUEST.with(
                    "Property '" + field + "' must look like user@domain.tld, was '" + value + "'.");
        }
        return value;
    }

    static String policyName(String value, String field) {
        if (value == null || !POLICY.matcher(value).matches()) {
            throw GraphError.BAD_REQUEST.with("Property '" + field + "' must be 1 to 64 letters, digits, '.', '_' "
                    + "or '-', starting with a letter or digit; was '" + value + "'.");
        }
        return value;
    }

    static List<String> permissions(Collection<String> values, String field) {
        for (String value : values) {
            if (!PERMISSION.matcher(value).matches()) {
                throw GraphError.BAD_REQUEST.with("Property '" + field + "' holds '" + value
                        + "', which is not a permission name such as OnlineMeetings.ReadWrite.All.");
            }
        }
        return values.stream().distinct().sorted().toList();
    }

    /** Free text such as a display name: at most 256 characters; null stays null. */
    static String text(String value, String field) {
        if (value != null && value.length() > MAX_TEXT) {
            throw GraphError.BAD_REQUEST.with("Property '" + field + "' must be at most " + MAX_TEXT + " characters.");
        }
        return value;
    }
}
