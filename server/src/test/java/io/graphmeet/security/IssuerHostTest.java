package io.graphmeet.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphmeet.demo.DemoDirectory;
import io.graphmeet.testing.Backend;
import io.graphmeet.testing.TestServer;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 8 finding 7: DNS rebinding is refused while the built-in issuer is on; its routes sanitise client ids. */
class IssuerHostTest {

    private static final String TOKEN_FORM = "grant_type=client_credentials&client_id=" + DemoDirectory.APP_ID
            + "&client_secret=" + DemoDirectory.APP_SECRET + "&scope="
            + URLEncoder.encode("https://graph.microsoft.com/.default", StandardCharsets.UTF_8);

    @Test
    void onlyLoopbackNamesAndThePublicHostMayBeNamedWhileTheIssuerIsOn(@TempDir Path scratch) throws IOException {
        try (TestServer server = TestServer.on(Backend.EMBEDDED, scratch).start()) {
            String rebound = tokenRequest(server, "attacker.example:" + port(server));
            String graphRebound = exchange(
                    server,
                    "GET /v1.0/me/onlineMeetings HTTP/1.1\r\nHost: attacker.example\r\n" + "Connection: close\r\n\r\n");

            assertThat(rebound)
                    .startsWith("HTTP/1.1 421")
                    .doesNotContain("access_token")
                    .contains("\"BadRequest\"");
            assertThat(graphRebound).startsWith("HTTP/1.1 421");
            assertThat(tokenRequest(server, "localhost:" + port(server)))
                    .startsWith("HTTP/1.1 200")
                    .contains("access_token");
            assertThat(tokenRequest(server, "127.0.0.1:" + port(server))).startsWith("HTTP/1.1 200");
            assertThat(tokenRequest(server, "[::1]:" + port(server))).startsWith("HTTP/1.1 200");
        }
    }

    @Test
    void withoutTheIssuerAnyHostIsServed(@TempDir Path scratch) throws IOException {
        try (TestServer server = TestServer.on(Backend.EMBEDDED, scratch)
                .setting("GRAPHMEET_ISSUER_ENABLED", "false")
                .start()) {
            assertThat(exchange(
                            server,
                            "GET /v1.0/me/onlineMeetings HTTP/1.1\r\nHost: meet.example.com\r\n"
                                    + "Connection: close\r\n\r\n"))
                    .startsWith("HTTP/1.1 401");
        }
    }

    @Test
    void theIssuerEchoesOnlyASaneClientRequestId(@TempDir Path scratch) throws IOException {
        try (TestServer server = TestServer.on(Backend.EMBEDDED, scratch).start()) {
            String sane = discovery(server, "client-request-id: 6d3a0a0e-sane\r\n");
            String hostile = discovery(server, "client-request-id: " + "x".repeat(300) + "\r\n");
            String spaced = discovery(server, "client-request-id: a b <script>\r\n");

            assertThat(sane).containsIgnoringCase("client-request-id: 6d3a0a0e-sane");
            assertThat(hostile).doesNotContain("x".repeat(129));
            assertThat(spaced).doesNotContain("<script>");
        }
    }

    private static String discovery(TestServer server, String header) throws IOException {
        return exchange(
                server,
                "GET /" + DemoDirectory.TENANT_ID + "/v2.0/.well-known/openid-configuration HTTP/1.1\r\n"
                        + "Host: 127.0.0.1\r\n" + header + "Connection: close\r\n\r\n");
    }

    private static String tokenRequest(TestServer server, String host) throws IOException {
        return exchange(
                server,
                "POST /" + DemoDirectory.TENANT_ID + "/oauth2/v2.0/token HTTP/1.1\r\nHost: " + host
                        + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                        + TOKEN_FORM.length()
                        + "\r\nConnection: close\r\n\r\n" + TOKEN_FORM);
    }

    private static int port(TestServer server) {
        return URI.create(server.baseUrl()).getPort();
    }

    private static String exchange(TestServer server, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port(server))) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return RawHttp.readResponse(socket.getInputStream());
        }
    }
}
