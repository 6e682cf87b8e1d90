package io.graphmeet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graphmeet.testing.Backend;
import io.graphmeet.testing.SelfSignedCertificate;
import io.graphmeet.testing.TestServer;
import io.helidon.webserver.WebServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up never goes on with a listener missing, whichever listener it is and whenever its bind fails. */
class ListenersTest {

    @Test
    void aTakenHttpsPortStopsStartUpNamingTlsPort(@TempDir Path scratch) throws IOException {
        SelfSignedCertificate certificate = SelfSignedCertificate.create(scratch);
        try (ServerSocket taken = takenPort()) {
            assertThatThrownBy(() -> TestServer.on(Backend.EMBEDDED, scratch)
                            .setting(
                                    "GRAPHMEET_TLS_KEYSTORE",
                                    certificate.keystore().toString())
                            .setting("GRAPHMEET_TLS_KEYSTORE_PASSWORD", certificate.password())
                            .setting("GRAPHMEET_TLS_PORT", Integer.toString(taken.getLocalPort()))
                            .start())
                    .isInstanceOf(StartupException.class)
                    .hasMessageContaining("tls.port (GRAPHMEET_TLS_PORT)")
                    .hasMessageContaining("127.0.0.1:" + taken.getLocalPort());
        }
    }

    /** When a port is taken between the check and Helidon's bind, Helidon carries on without it: caught after. */
    @Test
    void aListenerHelidonCouldNotBindIsReportedAfterTheStart() throws IOException {
        try (ServerSocket taken = takenPort()) {
            WebServer server = WebServer.builder()
                    .host("127.0.0.1")
                    .port(0)
                    .putSocket("admin", socket -> socket.host("127.0.0.1").port(taken.getLocalPort()))
                    .routing(routing -> routing.get("/", (request, response) -> response.send("ok")))
                    .build()
                    .start();
            try {
                Listeners listeners = new Listeners()
                        .add(WebServer.DEFAULT_SOCKET_NAME, "server.port (GRAPHMEET_SERVER_PORT)", "127.0.0.1", 0)
                        .add("admin", "admin.port (GRAPHMEET_ADMIN_PORT)", "127.0.0.1", taken.getLocalPort());
                assertThatThrownBy(() -> listeners.ensureServing(server))
                        .isInstanceOf(StartupException.class)
                        .hasMessageContaining("admin.port (GRAPHMEET_ADMIN_PORT) on 127.0.0.1:" + taken.getLocalPort());
            } finally {
                server.stop();
            }
        }
    }

    @Test
    void listenersThatAllServePassTheCheck(@TempDir Path scratch) {
        try (TestServer server = TestServer.on(Backend.EMBEDDED, scratch).start()) {
            assertThat(server.graphmeet().adminUrl()).isPresent();
            assertThat(server.graphmeet().port()).isPositive();
        }
    }

    private static ServerSocket takenPort() throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.bind(new InetSocketAddress("127.0.0.1", 0));
        return socket;
    }
}
