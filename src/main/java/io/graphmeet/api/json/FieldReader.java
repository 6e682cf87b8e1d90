package io.graphmeet.api.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.graphmeet.errors.GraphError;
import io.graphmeet.errors.GraphException;
import io.graphmeet.meetings.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads typed properties of one JSON object of a request body. Absent and {@code null} read as null; a value
 * of the wrong type is a {@code 400 BadRequest} naming the property by its path from the body's root.
 */
final class FieldReader {

    private static final String UNKNOWN_FUTURE_VALUE = "unknownFutureValue";

    private final ObjectNode node;
    private final String path;

    private FieldReader(ObjectNode node, String path) {
        this.node = node;
        this.path = path;
    }

    static FieldReader of(ObjectNode body) {
        return new FieldReader(body, "");
    }

    /** Whether the property is present with a value other than {@code null}. */
    boolean isSet(String name) {
        return !isAbsent(node.get(name));
    }

    String pathOf(String name) {
        return path + name;
    }

    String string(String name) {
        JsonNode value = node.get(name);
        if (isAbsent(value)) {
            return null;
        }
        if (!value.isTextual()) {
            throw bad(pathOf(name) + " must be a string.");
        }
        return value.textValue();
    }

    Boolean bool(String name) {
        JsonNode value = node.get(name);
        if (isAbsent(value)) {
            return null;
        }
        if (!value.isBoolean()) {
            throw bad(pathOf(name) + " must be true or false.");
        }
        return value.booleanValue();
    }

    /** An enum member by Graph's camelCase name; {@code unknownFutureValue} is not a value a caller may set. */
    <E extends Enum<E>> E enumValue(String name, Class<E> type) {
        String text = string(name);
        return text == null ? null : enumOf(text, type, pathOf(name));
    }

    Timestamp timestamp(String name) {
        String text = string(name);
        if (text == null) {
            return null;
        }
        Timestamp parsed = Timestamp.parseOrNull(text);
        if (parsed == null) {
            throw bad(pathOf(name) + ": '" + text + "' is not an ISO-8601 date-time with an offset and at most 7 "
                    + "fractional digits.");
        }
        return parsed;
    }

    /** The nested object, or null if absent. */
    FieldReader object(String name) {
        JsonNode value = node.get(name);
        if (isAbsent(value)) {
            return null;
        }
        if (!value.isObject()) {
            throw bad(pathOf(name) + " must be an object.");
        }
        return new FieldReader((ObjectNode) value, pathOf(name) + ".");
    }

    /** The objects of a nested array, or null if absent. */
    List<FieldReader> objects(String name) {
        JsonNode value = array(name);
        if (value == null) {
            return null;
        }
        List<FieldReader> items = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            String itemPath = pathOf(name) + "[" + i + "]";
            if (!value.get(i).isObject()) {
                throw bad(itemPath + " must be an object.");
            }
            items.add(new FieldReader((ObjectNode) value.get(i), itemPath + "."));
        }
        return items;
    }

    /** The enum members of a nested array of names, or null if absent. */
    <E extends Enum<E>> List<E> enumValues(String name, Class<E> type) {
        JsonNode value = array(name);
        if (value == null) {
            return null;
        }
        List<E> items = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            String itemPath = pathOf(name) + "[" + i + "]";
            if (!value.get(i).isTextual()) {
                throw bad(itemPath + " must be a string.");
            }
            items.add(enumOf(value.get(i).textValue(), type, itemPath));
        }
        return items;
    }

    private JsonNode array(String name) {
        JsonNode value = node.get(name);
        if (isAbsent(value)) {
            return null;
        }
        if (!value.isArray()) {
            throw bad(pathOf(name) + " must be an array.");
        }
        return value;
    }

    private static <E extends Enum<E>> E enumOf(String text, Class<E> type, String path) {
        E value = EnumNames.parse(type, text);
        if (value == null || text.equalsIgnoreCase(UNKNOWN_FUTURE_VALUE)) {
            String allowed = Arrays.stream(type.getEnumConstants())
                    .map(constant -> EnumNames.camel(constant.name()))
                    .filter(member -> !member.equals(UNKNOWN_FUTURE_VALUE))
                    .collect(Collectors.joining(", "));
            throw bad(path + ": '" + text + "' is not one of " + allowed + ".");
        }
        return value;
    }

    private static boolean isAbsent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    static GraphException bad(String message) {
        return GraphError.BAD_REQUEST.with(message);
    }
}
