package io.graphmeet.issuer;

import io.graphmeet.http.Text;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters of a token request: the form-encoded body, plus the client id and secret of an HTTP Basic
 * {@code Authorization} header ({@code client_secret_basic}) where the body does not give them.
 */
record TokenRequest(Map<String, String> parameters) {

    TokenRequest {
        parameters.forEach((name, value) -> {
            if (!Text.isAcceptable(name) || !Text.isAcceptable(value)) {
                throw EntraError.TEXT_REFUSED.with(Text.isAcceptable(name) ? name : "a parameter name");
            }
        });
        parameters = Map.copyOf(parameters);
    }

    /** Reads a form body; a parameter given twice is an {@code invalid_request} error, as Entra has it. */
    static TokenRequest of(String formBody, String authorizationHeader) {
        Map<String, String> parameters = new HashMap<>();
        for (String pair : formBody.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (parameters.putIfAbsent(name, value) != null) {
                throw EntraError.DUPLICATE_PARAMETER.with(name);
            }
        }
        basicCredentials(authorizationHeader).ifPresent(basic -> {
            parameters.putIfAbsent("client_id", basic[0]);
            parameters.putIfAbsent("client_secret", basic[1]);
        });
        return new TokenRequest(parameters);
    }

    /** The parameter's value; a missing or blank one is Entra's AADSTS900144 naming it. */
    String required(String name) {
        return optional(name).orElseThrow(() -> EntraError.MISSING_PARAMETER.with(name));
    }

    Optional<String> optional(String name) {
        String value = parameters.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    private static Optional<String[]> basicCredentials(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded =
                    new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0
                    ? Optional.empty()
                    : Optional.of(
                            new String[] {decode(decoded.substring(0, colon)), decode(decoded.substring(colon + 1))});
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Malformed percent-escapes are kept as they are: the value then fails the check it is meant for. */
    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
