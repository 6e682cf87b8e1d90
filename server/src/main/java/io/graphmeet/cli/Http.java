package io.graphmeet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The CLI's HTTP calls: the admin API (JSON, bearer admin key) and the token endpoint (form). */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {}

    /** Where the admin API's routes start, as the server logs its URL. */
    static final String ADMIN_BASE = "/admin/v1";

    /** Calls the admin API; a non-2xx answer becomes a {@link CliException} with Graph's error code and message. */
    static JsonNode admin(String adminUrl, String key, String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(adminUrl + ADMIN_BASE + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(write(body)));
        }
        return send(request.build(), adminUrl);
    }

    /** Posts a form to the token endpoint; an OAuth error becomes a {@link CliException} with its description. */
    static JsonNode token(String serverUrl, String tenantId, String form) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(serverUrl + "/" + tenantId + "/oauth2/v2.0/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        return send(request, serverUrl);
    }

    private static JsonNode send(HttpRequest request, String baseUrl) {
        HttpResponse<String> response;
        try {
            response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new CliException("cannot reach " + baseUrl + ": " + e.getMessage()
                    + " (is graphmeet running? see --admin-url and --server-url)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted");
        }
        JsonNode json = parse(response.body());
        if (response.statusCode() / 100 != 2) {
            throw new CliException(response.statusCode() + " " + describeError(json));
        }
        return json;
    }

    /**
     * The server's own words for a failure: Graph's envelope {@code {"error":{"code","message"}}} (the Graph and
     * admin APIs), OAuth's {@code {"error","error_description"}} (the token endpoint), else the body as it came.
     */
    static String describeError(JsonNode json) {
        JsonNode error = json.path("error");
        if (error.isObject()) {
            return error.path("code").asText() + ": " + error.path("message").asText();
        }
        if (error.isTextual()) {
            return error.asText() + ": " + json.path("error_description").asText();
        }
        String body = json.path("body").asText();
        return body.isBlank() ? "(no error body)" : body.strip();
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            ObjectNode text = JSON.createObjectNode();
            text.put("body", body);
            return text;
        }
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pretty(JsonNode json) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
