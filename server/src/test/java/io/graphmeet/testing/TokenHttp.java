package io.graphmeet.testing;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** A plain client of the built-in issuer's token endpoint, as curl would call it. */
public final class TokenHttp {

    public static final String GRAPH_DEFAULT = "https://graph.microsoft.com/.default";

    private final GraphHttp http;

    public TokenHttp(GraphHttp http) {
        this.http = http;
    }

    /** Posts {@code name, value, name, value...} as a form to {@code /{tenant}/oauth2/v2.0/token}. */
    public GraphResponse post(String tenant, String... namesAndValues) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return postRaw(tenant, body);
    }

    public GraphResponse postRaw(String tenant, String formBody) {
        return http.send(http.request("/" + tenant + "/oauth2/v2.0/token", null)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formBody)));
    }

    public GraphResponse clientCredentials(String tenant, String appId, String secret) {
        return post(
                tenant,
                "grant_type",
                "client_credentials",
                "client_id",
                appId,
                "client_secret",
                secret,
                "scope",
                GRAPH_DEFAULT);
    }

    public GraphResponse password(String tenant, String appId, String upn, String password, String scope) {
        return post(
                tenant,
                "grant_type",
                "password",
                "client_id",
                appId,
                "username",
                upn,
                "password",
                password,
                "scope",
                scope);
    }

    /** The access token of a successful answer; fails the test with the answer otherwise. */
    public static String accessToken(GraphResponse response) {
        if (response.status() != 200) {
            throw new AssertionError("expected a token, got " + response);
        }
        return response.json().path("access_token").asText();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
