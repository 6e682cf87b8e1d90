package io.graphmeet.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.graphmeet.testing.Backend;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SPEC §9: requests the HTTP layer itself refuses still get Graph's error envelope, never a 500, and no internals. */
class HostileRequestsTest extends ServerContract {

    @Override
    Backend backend() {
        return Backend.EMBEDDED;
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "HELLO\r\n\r\n",
                "POST /v1.0/me/onlineMeetings/createOrGet HTTP/1.1\r\nHost: x\r\nContent-Length: nope\r\n\r\n",
                "POST /v1.0/me/onlineMeetings/createOrGet HTTP/1.1\r\nHost: x\r\nBad Header Name: v\r\n\r\n",
                "POST /v1.0/me/onlineMeetings/createOrGet HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer HUGE\r\n\r\n"
            })
    void malformedRequestsGetGraphsEnvelope(String request) throws IOException {
        String raw = exchange(request.replace("HUGE", "a".repeat(64 * 1024)));

        int status = Integer.parseInt(raw.substring(9, 12));
        JsonNode body = new ObjectMapper().readTree(raw.substring(raw.indexOf("\r\n\r\n") + 4));
        assertThat(status).as(raw).isEqualTo(400);
        assertThat(body.path("error").path("code").asText()).isEqualTo("BadRequest");
        assertThat(body.path("error").path("innerError").path("request-id").asText())
                .matches(CreateOrGetContract.GUID)
                .isEqualTo(header(raw, "request-id"));
        assertThat(raw).doesNotContain("Exception").doesNotContain("at io.helidon");
    }

    /** Methods that are HTTP tokens but not Graph's: the route table's 405 in Graph's envelope. */
    @ParameterizedTest
    @ValueSource(strings = {"FOO", "PURGE"})
    void unknownMethodsAreNotAllowedInGraphsEnvelope(String method) throws IOException {
        String raw = exchange(method + " /v1.0/me/onlineMeetings HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");

        JsonNode body = new ObjectMapper().readTree(raw.substring(raw.indexOf("\r\n\r\n") + 4));
        assertThat(raw).as(raw).startsWith("HTTP/1.1 405 ");
        assertThat(body.path("error").path("code").asText()).isEqualTo("MethodNotAllowed");
        assertThat(body.path("error").path("innerError").path("request-id").asText())
                .isEqualTo(header(raw, "request-id"));
    }

    /** Methods that are not HTTP tokens: Helidon fails while reading the request line. */
    @ParameterizedTest
    @ValueSource(strings = {"G\u00c9T", "GE(T", "G{T", "G\u0001T", "\u00ff", "GET,POST", "PO/ST"})
    void invalidMethodsAreBadRequestsInGraphsEnvelope(String method) throws IOException {
        String raw = exchange(method + " /v1.0/me/onlineMeetings HTTP/1.1\r\nHost: x\r\n\r\n");

        JsonNode body = new ObjectMapper().readTree(raw.substring(raw.indexOf("\r\n\r\n") + 4));
        assertThat(raw).as(raw).startsWith("HTTP/1.1 400 ");
        assertThat(body.path("error").path("code").asText()).isEqualTo("BadRequest");
        assertThat(body.path("error").path("message").asText()).startsWith("The request could not be read");
        assertThat(body.path("error").path("innerError").path("request-id").asText())
                .isEqualTo(header(raw, "request-id"))
                .matches("[0-9a-f-]{36}");
    }

    private static String header(String raw, String name) {
        for (String line : raw.substring(0, raw.indexOf("\r\n\r\n")).split("\r\n")) {
            if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                return line.substring(name.length() + 1).trim();
            }
        }
        return null;
    }

    private String exchange(String request) throws IOException {
        URI base = URI.create(server.baseUrl());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            return readResponse(in);
        }
    }

    /** Reads headers and a Content-Length body. */
    private static String readResponse(InputStream in) throws IOException {
        StringBuilder text = new StringBuilder();
        int length = -1;
        while (!text.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return text.toString();
            }
            text.append((char) b);
        }
        for (String line : text.toString().split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        byte[] body = length >= 0 ? in.readNBytes(length) : in.readAllBytes();
        return text + new String(body, StandardCharsets.UTF_8);
    }
}
