package io.graphmeet.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The one typed reader of a JSON request body's properties, for every surface. Absent and {@code null} read as
 * null; a value of the wrong type is a malformed-request refusal naming the property by its path from the body's
 * root ({@code participants.attendees[0].role}), labelled as the surface words it.
 */
public final class JsonFields {

    private final ObjectNode node;
    private final String path;
    private final UnaryOperator<String> label;

    private JsonFields(ObjectNode node, String path, UnaryOperator<String> label) {
        this.node = node;
        this.path = path;
        this.label = label;
    }

    /** A body whose messages name a property by its bare path, as Graph's do. */
    public static JsonFields of(ObjectNode body) {
        return new JsonFields(body, "", UnaryOperator.identity());
    }

    /** A body whose messages name a property as {@code Property 'name'}, as the admin API's do. */
    public static JsonFields quotingNames(ObjectNode body) {
        return new JsonFields(body, "", name -> "Property '" + name + "'");
    }

    /** Turns a property's text into a value, or refuses it with a message starting with {@code label}. */
    @FunctionalInterface
    public interface Parser<T> {

        T parse(String text, String label);
    }

    /** This object, after refusing any property not in {@code allowed}, so a misspelt one is not ignored. */
    public JsonFields only(String... allowed) {
        Set<String> known = Set.of(allowed);
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw RequestRefusedException.malformed(
                        "Unknown property '" + pathOf(name) + "'; expected one of " + String.join(", ", allowed) + ".");
            }
        }
        return this;
    }

    /** Whether the property is present, even as {@code null}. */
    public boolean has(String name) {
        return node.has(name);
    }

    /** Whether the property is present with a value other than {@code null}. */
    public boolean isSet(String name) {
        return !isAbsent(node.get(name));
    }

    /** The property's path from the body's root. */
    public String pathOf(String name) {
        return path + name;
    }

    public String string(String name) {
        JsonNode value = value(name, JsonNode::isTextual, "must be a string.");
        return value == null ? null : value.textValue();
    }

    /** A string property that must be present and not blank. */
    public String requiredString(String name) {
        String value = string(name);
        if (value == null || value.isBlank()) {
            throw refused(pathOf(name), "is required.");
        }
        return value;
    }

    /** A string property turned into a value by {@code parser}. */
    public <T> T string(String name, Parser<T> parser) {
        String text = string(name);
        return text == null ? null : parser.parse(text, label.apply(pathOf(name)));
    }

    public Boolean bool(String name) {
        JsonNode value = value(name, JsonNode::isBoolean, "must be true or false.");
        return value == null ? null : value.booleanValue();
    }

    /** The nested object, or null if absent. */
    public JsonFields object(String name) {
        JsonNode value = value(name, JsonNode::isObject, "must be an object.");
        return value == null ? null : new JsonFields((ObjectNode) value, pathOf(name) + ".", label);
    }

    /** The objects of a nested array, or null if absent. */
    public List<JsonFields> objects(String name) {
        return items(
                name,
                JsonNode::isObject,
                "must be an object.",
                (item, itemPath) -> new JsonFields((ObjectNode) item, itemPath + ".", label));
    }

    /** The strings of a nested array, or null if absent. */
    public List<String> strings(String name) {
        return strings(name, (text, itemLabel) -> text);
    }

    /** The strings of a nested array, each turned into a value by {@code parser}; null if absent. */
    public <T> List<T> strings(String name, Parser<T> parser) {
        return items(
                name,
                JsonNode::isTextual,
                "must be a string.",
                (item, itemPath) -> parser.parse(item.textValue(), label.apply(itemPath)));
    }

    private <T> List<T> items(
            String name, Predicate<JsonNode> rightType, String problem, BiFunction<JsonNode, String, T> read) {
        JsonNode array = value(name, JsonNode::isArray, "must be an array.");
        if (array == null) {
            return null;
        }
        List<T> items = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            String itemPath = pathOf(name) + "[" + i + "]";
            if (!rightType.test(array.get(i))) {
                throw refused(itemPath, problem);
            }
            items.add(read.apply(array.get(i), itemPath));
        }
        return items;
    }

    /** The property's value if it is of the right type, null if absent; otherwise a refusal naming the problem. */
    private JsonNode value(String name, Predicate<JsonNode> rightType, String problem) {
        JsonNode value = node.get(name);
        if (isAbsent(value)) {
            return null;
        }
        if (!rightType.test(value)) {
            throw refused(pathOf(name), problem);
        }
        return value;
    }

    private RequestRefusedException refused(String propertyPath, String problem) {
        return RequestRefusedException.malformed(label.apply(propertyPath) + " " + problem);
    }

    private static boolean isAbsent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }
}
