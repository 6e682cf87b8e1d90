package io.graphmeet.api.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.graphmeet.errors.GraphError;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A {@code $select} list: the onlineMeeting properties a read returns, by their wire names. Names match
 * case-insensitively and come back as Graph spells them; {@code id} is always returned.
 */
public record Select(List<String> properties) {

    /** No {@code $select}: every property. */
    public static final Select ALL = new Select(List.of());

    private static final Map<String, String> PROPERTIES = Arrays.stream(OnlineMeetingJson.class.getRecordComponents())
            .map(component -> component.isAnnotationPresent(JsonProperty.class)
                    ? component.getAnnotation(JsonProperty.class).value()
                    : component.getName())
            .filter(name -> !name.startsWith("@"))
            .collect(Collectors.toUnmodifiableMap(name -> name.toLowerCase(Locale.ROOT), Function.identity()));

    public Select {
        properties = List.copyOf(properties);
    }

    /** The properties named by a {@code $select} value; null or blank selects everything. */
    public static Select parse(String text) {
        if (text == null || text.isBlank()) {
            return ALL;
        }
        Set<String> names = new LinkedHashSet<>();
        for (String requested : text.split(",", -1)) {
            String name = PROPERTIES.get(requested.strip().toLowerCase(Locale.ROOT));
            if (name == null) {
                throw GraphError.BAD_REQUEST.with("Could not find a property named '" + requested.strip()
                        + "' on type 'microsoft.graph.onlineMeeting'.");
            }
            names.add(name);
        }
        return new Select(List.copyOf(names));
    }

    public boolean isAll() {
        return properties.isEmpty();
    }

    /** Whether a response keeps this wire property. */
    boolean keeps(String property) {
        return isAll() || property.equals("id") || properties.contains(property);
    }

    /** The list as {@code @odata.context} shows it: {@code (subject,joinWebUrl)}, or nothing. */
    String contextSuffix() {
        return isAll() ? "" : "(" + String.join(",", properties) + ")";
    }
}
