package io.graphmeet.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.graphmeet.testing.Backend;
import io.graphmeet.testing.SelfSignedCertificate;
import io.graphmeet.testing.TestServer;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The HTTPS listener answers requests the HTTP server cannot read in Graph's envelope, as the plain one does. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpsListenerTest {

    private TestServer server;
    private SSLContext trustingTheTestCertificate;

    @BeforeAll
    void start(@TempDir Path scratch) throws GeneralSecurityException, IOException {
        SelfSignedCertificate certificate = SelfSignedCertificate.create(scratch);
        server = TestServer.on(Backend.EMBEDDED, scratch)
                .setting("GRAPHMEET_TLS_KEYSTORE", certificate.keystore().toString())
                .setting("GRAPHMEET_TLS_KEYSTORE_PASSWORD", certificate.password())
                .setting("GRAPHMEET_TLS_PORT", "0")
                .start();
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("graphmeet", certificate.certificate());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        trustingTheTestCertificate = SSLContext.getInstance("TLS");
        trustingTheTestCertificate.init(null, trust.getTrustManagers(), null);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "G{T /v1.0/me/onlineMeetings HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET /v1.0/me/onlineMeetings HTTP/1.1\r\nHost: x\r\nBad Header Name: v\r\n\r\n"
    })
    void unreadableRequestsGetGraphsEnvelope(String request) throws IOException {
        URI https = URI.create(server.httpsUrl());
        String raw;
        try (Socket socket = trustingTheTestCertificate.getSocketFactory().createSocket(https.getHost(),
                https.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            raw = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }

        JsonNode body = new ObjectMapper().readTree(raw.substring(raw.indexOf("\r\n\r\n") + 4));
        assertThat(raw).as(raw).startsWith("HTTP/1.1 400 ");
        assertThat(body.path("error").path("code").asText()).isEqualTo("BadRequest");
        assertThat(body.path("error").path("innerError").path("request-id").asText()).isNotBlank();
    }
}
