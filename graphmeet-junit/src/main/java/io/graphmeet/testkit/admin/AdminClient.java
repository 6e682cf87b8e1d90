package io.graphmeet.testkit.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A client of graphmeet's admin API ({@code /admin/v1}, see docs/offline-dev.md) holding the admin key: JSON in,
 * JSON out, and an {@link AdminException} with graphmeet's status, error code and message on any refusal.
 */
public final class AdminClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final String adminUrl;
    private final String key;

    /** A client of the admin API at {@code adminUrl} (without {@code /admin/v1}) sending {@code key}. */
    public AdminClient(String adminUrl, String key) {
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        this.adminUrl = adminUrl;
        this.key = key;
    }

    /** The admin API's base URL, e.g. {@code http://127.0.0.1:41234}; routes start with {@code /admin/v1}. */
    public String url() {
        return adminUrl;
    }

    /** The admin key, for tools of your own (e.g. the CLI's {@code --admin-key}). */
    public String key() {
        return key;
    }

    /** {@code GET path}, e.g. {@code get("/admin/v1/tenants")}. */
    public JsonNode get(String path) {
        return send("GET", path, null);
    }

    /** {@code POST path} with {@code body} as JSON (a record, a map or a {@link JsonNode}; null sends none). */
    public JsonNode post(String path, Object body) {
        return send("POST", path, body);
    }

    public JsonNode put(String path, Object body) {
        return send("PUT", path, body);
    }

    public JsonNode patch(String path, Object body) {
        return send("PATCH", path, body);
    }

    /** {@code DELETE path}; answers the body, empty for 204. */
    public JsonNode delete(String path) {
        return send("DELETE", path, null);
    }

    /**
     * Sends one request; a 2xx answer's JSON body (a missing node when empty), else an {@link AdminException}.
     */
    public JsonNode send(String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(adminUrl + path))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + key)
                .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(write(body)));
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + ": no answer from the admin API", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + path + " interrupted", e);
        }
        JsonNode answer = read(response.body());
        if (response.statusCode() / 100 != 2) {
            throw new AdminException(
                    method,
                    path,
                    response.statusCode(),
                    answer.path("error").path("code").asText(null),
                    answer.path("error").path("message").asText(null));
        }
        return answer;
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("not writable as JSON: " + body, e);
        }
    }

    private static JsonNode read(String body) {
        if (body == null || body.isBlank()) {
            return JSON.missingNode();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }
}
