package io.graphmeet.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;

/** A response as tests read it: status, headers, JSON body. */
public record GraphResponse(int status, HttpResponse<String> raw) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public JsonNode json() {
        try {
            return JSON.readTree(raw.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + raw.body(), e);
        }
    }

    public String header(String name) {
        return raw.headers().firstValue(name).orElse(null);
    }

    public String body() {
        return raw.body();
    }

    public String errorCode() {
        return json().path("error").path("code").asText();
    }

    public String errorMessage() {
        return json().path("error").path("message").asText();
    }

    @Override
    public String toString() {
        return status + " " + raw.body();
    }
}
