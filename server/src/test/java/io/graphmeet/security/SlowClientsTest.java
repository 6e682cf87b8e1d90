package io.graphmeet.security;

import static io.graphmeet.testing.Contoso.MEGAN;
import static io.graphmeet.testing.Contoso.TENANT;
import static io.graphmeet.testing.Contoso.WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import io.graphmeet.testing.Backend;
import io.graphmeet.testing.Contoso;
import io.graphmeet.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8 finding 4: clients that trickle or stall are cut off after server.readTimeout (here one second), idle
 * connections after server.idleTimeout, and requests past server.maxConcurrentRequests get 503 with Retry-After,
 * while everyone else is served. Raw sockets, so the test controls every byte and pause.
 */
class SlowClientsTest {

    private static final String BODY = "{\"externalId\":\"slow\"}";
    private static final long CUT_OFF_WITHIN_MILLIS = 6_000;

    @TempDir
    Path scratch;

    private TestServer server;
    private final List<Socket> sockets = new ArrayList<>();

    @BeforeEach
    void start() {
        server = TestServer.on(Backend.EMBEDDED, scratch)
                .bootstrap(Contoso.DIRECTORY)
                .setting("GRAPHMEET_SERVER_READ_TIMEOUT", "PT1S")
                .setting("GRAPHMEET_SERVER_IDLE_TIMEOUT", "PT1S")
                .setting("GRAPHMEET_SERVER_MAX_CONCURRENT_REQUESTS", "2")
                .start();
    }

    @AfterEach
    void stop() throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
        server.close();
    }

    @Test
    void headersTrickledByteByByteAreCutOffWhileOthersAreServed() throws Exception {
        Socket slow = connect();
        write(slow, "POST /v1.0/me/onlineMeetings/createOrGet HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        long start = System.currentTimeMillis();
        String answer = trickle(slow, "X-Slow: " + "a".repeat(200) + "\r\n", 200);

        assertThat(System.currentTimeMillis() - start).isLessThan(CUT_OFF_WITHIN_MILLIS);
        assertThat(answer).as("the connection is closed without an answer").isEmpty();
        assertThat(createOrGet("served")).startsWith("HTTP/1.1 201");
    }

    @Test
    void aBodyTrickledByteByByteIsCutOffAndStoresNothing() throws Exception {
        Socket slow = connect();
        write(slow, requestHead(BODY.length() + 200));
        long start = System.currentTimeMillis();
        String answer = trickle(slow, BODY + " ".repeat(200), 200);

        assertThat(System.currentTimeMillis() - start).isLessThan(CUT_OFF_WITHIN_MILLIS);
        assertThat(answer).as("the connection is closed without an answer").isEmpty();
        assertThat(createOrGet("slow"))
                .as("nothing was stored for the cut-off request")
                .startsWith("HTTP/1.1 201");
    }

    @Test
    void aBodyTrickledToARequestAnsweredEarlyIsCutOffToo() throws Exception {
        Socket slow = connect();
        write(slow, requestHead(BODY.length() + 200).replace("Authorization: Bearer " + token() + "\r\n", ""));
        long start = System.currentTimeMillis();
        String answer = trickle(slow, BODY + " ".repeat(200), 200);

        assertThat(System.currentTimeMillis() - start).isLessThan(CUT_OFF_WITHIN_MILLIS);
        assertThat(answer)
                .satisfiesAnyOf(
                        text -> assertThat(text).isEmpty(),
                        text -> assertThat(text).startsWith("HTTP/1.1 401"));
    }

    @Test
    void aClientThatStopsSendingMidHeadersIsDisconnected() throws Exception {
        Socket silent = connect();
        write(silent, "POST /v1.0/me/onlineMeetings/createOrGet HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Half");
        long start = System.currentTimeMillis();

        String answer = readUntilClosed(silent);

        assertThat(System.currentTimeMillis() - start).isLessThan(CUT_OFF_WITHIN_MILLIS);
        assertThat(answer).isEmpty();
    }

    @Test
    void anIdleKeptAliveConnectionIsClosed() throws Exception {
        Socket idle = connect();
        write(idle, requestHead(BODY.length()) + BODY);
        long start = System.currentTimeMillis();

        String answer = readUntilClosed(idle);

        assertThat(answer).startsWith("HTTP/1.1 201");
        assertThat(System.currentTimeMillis() - start).isLessThan(CUT_OFF_WITHIN_MILLIS);
    }

    @Test
    void requestsPastTheConcurrencyBoundGet503WithRetryAfterAndTheRestGoOn() throws Exception {
        for (int i = 0; i < 2; i++) {
            write(connect(), requestHead(BODY.length() + 10) + "{");
        }

        String busy = createOrGet("busy");

        assertThat(busy)
                .startsWith("HTTP/1.1 503")
                .containsIgnoringCase("Retry-After: 1")
                .contains("\"ServiceNotAvailable\"");
        long deadline = System.currentTimeMillis() + CUT_OFF_WITHIN_MILLIS;
        String later;
        do {
            later = createOrGet("after");
        } while (!later.startsWith("HTTP/1.1 201") && System.currentTimeMillis() < deadline);
        assertThat(later).startsWith("HTTP/1.1 201");
    }

    private String createOrGet(String externalId) throws IOException {
        String body = "{\"externalId\":\"" + externalId + "\"}";
        Socket socket = connect();
        write(socket, requestHead(body.length()).replace("Connection: keep-alive", "Connection: close") + body);
        return readUntilClosed(socket);
    }

    private String requestHead(int contentLength) {
        return "POST /v1.0/me/onlineMeetings/createOrGet HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Authorization: Bearer " + token() + "\r\nContent-Type: application/json\r\n"
                + "Connection: keep-alive\r\nContent-Length: " + contentLength + "\r\n\r\n";
    }

    private String token() {
        return server.issuer().delegated(TENANT, MEGAN, WRITE);
    }

    private Socket connect() throws IOException {
        URI base = URI.create(server.baseUrl());
        Socket socket = new Socket(base.getHost(), base.getPort());
        socket.setSoTimeout((int) CUT_OFF_WITHIN_MILLIS * 2);
        sockets.add(socket);
        return socket;
    }

    private static void write(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Sends {@code text} a byte at a time, {@code pauseMillis} apart, until the server answers or hangs up. */
    private static String trickle(Socket socket, String text, long pauseMillis) throws Exception {
        InputStream in = socket.getInputStream();
        for (char c : text.toCharArray()) {
            try {
                socket.getOutputStream().write(c);
                socket.getOutputStream().flush();
            } catch (SocketException closed) {
                break;
            }
            Thread.sleep(pauseMillis);
            if (in.available() > 0) {
                break;
            }
        }
        return readUntilClosed(socket);
    }

    private static String readUntilClosed(Socket socket) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            InputStream in = socket.getInputStream();
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                received.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server kept the connection open; received so far: " + received, e);
        } catch (SocketException reset) {
            // closed by the server with unread bytes pending: as good as a close
        }
        return received.toString(StandardCharsets.UTF_8);
    }
}
