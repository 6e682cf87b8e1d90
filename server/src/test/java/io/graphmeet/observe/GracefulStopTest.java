package io.graphmeet.observe;

import static io.graphmeet.testing.Contoso.MEGAN;
import static io.graphmeet.testing.Contoso.TENANT;
import static io.graphmeet.testing.Contoso.WRITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graphmeet.testing.Backend;
import io.graphmeet.testing.Contoso;
import io.graphmeet.testing.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping with a request in flight: readiness turns 503 at once, the Graph port stops accepting, and the request
 * already being served still gets its 201 before the server is gone.
 */
class GracefulStopTest {

    @Test
    void aRequestInFlightFinishesWhileReadinessIs503AndNewConnectionsAreRefused(@TempDir Path scratch)
            throws Exception {
        TestServer server = TestServer.on(Backend.EMBEDDED, scratch)
                .bootstrap(Contoso.DIRECTORY)
                .setting("GRAPHMEET_SERVER_SHUTDOWN_GRACE", "PT20S")
                .start();
        String management = server.graphmeet().managementUrl();
        int port = server.graphmeet().port();
        byte[] body = "{\"externalId\":\"in-flight-at-stop\"}".getBytes(StandardCharsets.UTF_8);
        CompletableFuture<Void> stopped;
        try (Socket client = new Socket("127.0.0.1", port)) {
            OutputStream out = client.getOutputStream();
            out.write(("POST /v1.0/me/onlineMeetings/createOrGet HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            + "Authorization: Bearer " + server.issuer().delegated(TENANT, MEGAN, WRITE) + "\r\n"
                            + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, 10);
            out.flush();
            awaitStatus(HttpClient.newHttpClient(), management + "/observe/health/ready", 200);

            stopped = CompletableFuture.runAsync(server::close);
            awaitStatus(HttpClient.newHttpClient(), management + "/observe/health/ready", 503);
            awaitRefused(port);
            out.write(body, 10, body.length - 10);
            out.flush();

            assertThat(statusLine(client.getInputStream())).isEqualTo("HTTP/1.1 201 Created");
        }
        stopped.get();
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
    }

    private static String statusLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private static void awaitStatus(HttpClient http, String url, int status) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode()
                != status) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(url + " did not answer " + status);
            }
            Thread.sleep(10);
        }
    }

    private static void awaitRefused(int port) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (true) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("the Graph port still accepts connections");
                }
            } catch (IOException refused) {
                return;
            }
            Thread.sleep(10);
        }
    }
}
