package io.graphmeet.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An access token from graphmeet's built-in issuer, requested from its token endpoint as a real client does
 * ({@code POST /{tenant}/oauth2/v2.0/token}) and requested again before it expires: {@link #token()} always
 * answers one that has at least {@link #refreshMargin(Duration)} of its lifetime left.
 */
public final class TokenSource {

    /** Refresh this long before expiry (as azure-identity does), or at half the lifetime of shorter tokens. */
    static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI tokenEndpoint;
    private final Map<String, String> form;
    private final Clock clock;
    private Issued current;

    TokenSource(HttpClient http, String baseUrl, String tenantId, Map<String, String> form, Clock clock) {
        this.http = http;
        this.tokenEndpoint = URI.create(baseUrl + "/" + tenantId + "/oauth2/v2.0/token");
        this.form = Map.copyOf(form);
        this.clock = clock;
    }

    /** A valid bearer token (without the {@code Bearer } prefix), fetched anew when the last one nears expiry. */
    public synchronized String token() {
        if (current == null || !clock.instant().isBefore(current.refreshAt())) {
            current = request();
        }
        return current.token();
    }

    /** When the token {@link #token()} answers now expires. */
    public synchronized Instant expiresAt() {
        token();
        return current.expiresAt();
    }

    /** How long before expiry a token is replaced: five minutes, or half the lifetime of a shorter one. */
    public static Duration refreshMargin(Duration lifetime) {
        Duration half = lifetime.dividedBy(2);
        return half.compareTo(REFRESH_MARGIN) < 0 ? half : REFRESH_MARGIN;
    }

    private Issued request() {
        String body = form.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        Instant asked = clock.instant();
        HttpResponse<String> response;
        try {
            response = http.send(
                    HttpRequest.newBuilder(tokenEndpoint)
                            .timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("no answer from the token endpoint " + tokenEndpoint, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking " + tokenEndpoint + " for a token", e);
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("the token endpoint answered " + response.statusCode() + " without JSON");
        }
        if (response.statusCode() != 200 || !answer.path("access_token").isTextual()) {
            throw new IllegalStateException("the token endpoint refused (" + response.statusCode() + "): "
                    + answer.path("error").asText() + " "
                    + answer.path("error_description").asText());
        }
        Duration lifetime = Duration.ofSeconds(answer.path("expires_in").asLong());
        Instant expiresAt = asked.plus(lifetime);
        return new Issued(answer.path("access_token").asText(), expiresAt, expiresAt.minus(refreshMargin(lifetime)));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private record Issued(String token, Instant expiresAt, Instant refreshAt) {}
}
