package io.graphmeet.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.graphmeet.errors.GraphError;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * An admin request body: a JSON object whose fields are read by type, each failure a {@code 400} naming the
 * field. Unknown fields are refused, so that a misspelt one is not silently ignored.
 */
final class Body {

    private final ObjectNode json;

    private Body(ObjectNode json) {
        this.json = json;
    }

    static Body of(ObjectNode json, String... allowed) {
        Set<String> known = Set.of(allowed);
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw GraphError.BAD_REQUEST.with("Unknown property '" + name + "'; expected one of "
                        + String.join(", ", allowed) + ".");
            }
        }
        return new Body(json);
    }

    boolean has(String field) {
        return json.has(field);
    }

    /** A string field, or null when absent or JSON null. */
    String text(String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw GraphError.BAD_REQUEST.with("Property '" + field + "' must be a string.");
        }
        return value.textValue();
    }

    String requiredText(String field) {
        String value = text(field);
        if (value == null || value.isBlank()) {
            throw GraphError.BAD_REQUEST.with("Property '" + field + "' is required.");
        }
        return value;
    }

    /** A list of strings, or null when absent. */
    List<String> texts(String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            throw GraphError.BAD_REQUEST.with("Property '" + field + "' must be an array of strings.");
        }
        List<String> result = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw GraphError.BAD_REQUEST.with("Property '" + field + "' must be an array of strings.");
            }
            result.add(item.textValue());
        }
        return result;
    }
}
