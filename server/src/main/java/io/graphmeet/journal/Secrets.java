package io.graphmeet.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What in a JSON body looks like a credential: a property whose name speaks of one (password, secret, token,
 * authorization, credential, assertion, API key, private key), or a string that is a bearer token or a JWT,
 * wherever it is. Looking runs for every journaled request, so it only reads the tree the endpoint already parsed;
 * only a body with a credential is copied.
 */
final class Secrets {

    private static final List<String> NAMES = List.of(
            "password",
            "passwd",
            "secret",
            "token",
            "authorization",
            "credential",
            "assertion",
            "apikey",
            "api_key",
            "api-key",
            "privatekey",
            "private_key");
    /** The words of {@link #NAMES} by their first letter, so that most positions in a name are passed at once. */
    private static final String[][] NAMES_BY_LETTER = byFirstLetter(NAMES);

    private static final TextNode REDACTED = TextNode.valueOf(JournalBody.REDACTED);

    private Secrets() {}

    /** Whether a credential is anywhere in {@code node}. */
    static boolean found(JsonNode node) {
        if (node.isTextual()) {
            return looksLikeToken(node.textValue());
        }
        if (node.isArray()) {
            for (JsonNode item : node) {
                if (found(item)) {
                    return true;
                }
            }
        } else if (node.isObject()) {
            for (var property : node.properties()) {
                if (isSecretName(property.getKey()) || found(property.getValue())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A copy of {@code node} with every credential replaced by {@link JournalBody#REDACTED}. */
    static JsonNode redacted(JsonNode node) {
        if (node.isTextual()) {
            return looksLikeToken(node.textValue()) ? REDACTED : node;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode(node.size());
            node.forEach(item -> copy.add(redacted(item)));
            return copy;
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            node.properties()
                    .forEach(property -> copy.set(
                            property.getKey(),
                            isSecretName(property.getKey()) ? REDACTED : redacted(property.getValue())));
            return copy;
        }
        return node;
    }

    /** Whether a word of {@link #NAMES} is in {@code name}, in any case. */
    static boolean isSecretName(String name) {
        for (int at = 0; at < name.length(); at++) {
            char c = name.charAt(at);
            String[] words = c < 128 ? NAMES_BY_LETTER[lowerCase((byte) c)] : null;
            if (words != null) {
                for (String word : words) {
                    if (name.regionMatches(true, at, word, 0, word.length())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** A bearer or basic credential, or a JWT: {@code eyJ} then two dots. */
    static boolean looksLikeToken(String text) {
        String trimmed = text.strip();
        if (trimmed.regionMatches(true, 0, "Bearer ", 0, 7) || trimmed.regionMatches(true, 0, "Basic ", 0, 6)) {
            return true;
        }
        if (!trimmed.startsWith("eyJ")) {
            return false;
        }
        int first = trimmed.indexOf('.');
        return first > 0 && trimmed.indexOf('.', first + 1) > first;
    }

    /** An ASCII letter in lower case; any other byte as it is. */
    private static int lowerCase(byte b) {
        return b >= 'A' && b <= 'Z' ? b | 0x20 : b;
    }

    /** The words by their first letter (ASCII, lower case): null where none starts. */
    private static String[][] byFirstLetter(List<String> words) {
        String[][] table = new String[128][];
        for (char letter = 'a'; letter <= 'z'; letter++) {
            List<String> starting = new ArrayList<>();
            for (String word : words) {
                if (word.charAt(0) == letter) {
                    starting.add(word);
                }
            }
            table[letter] = starting.isEmpty() ? null : starting.toArray(String[]::new);
        }
        return table;
    }
}
