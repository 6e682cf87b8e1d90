package io.graphmeet.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.graphmeet.demo.DemoDirectory;
import io.graphmeet.testing.Backend;
import io.graphmeet.testing.SelfSignedCertificate;
import io.graphmeet.testing.TestServer;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The HTTPS listener: requests the HTTP server cannot read get Graph's envelope, as on the plain one; with a
 * public URL configured, the built-in issuer names that URL on both listeners.
 */
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
        trustingTheTestCertificate = trusting(certificate);
    }

    private static SSLContext trusting(SelfSignedCertificate certificate) throws GeneralSecurityException, IOException {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("graphmeet", certificate.certificate());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aConfiguredPublicUrlIsTheIssuersBaseOnBothListeners(@TempDir Path scratch) throws Exception {
        SelfSignedCertificate certificate = SelfSignedCertificate.create(scratch);
        try (TestServer proxied = TestServer.on(Backend.EMBEDDED, scratch)
                .setting("GRAPHMEET_TLS_KEYSTORE", certificate.keystore().toString())
                .setting("GRAPHMEET_TLS_KEYSTORE_PASSWORD", certificate.password())
                .setting("GRAPHMEET_TLS_PORT", "0")
                .setting("GRAPHMEET_SERVER_PUBLIC_URL", "https://meet.example.test")
                .start()) {
            String path = "/" + DemoDirectory.TENANT_ID + "/v2.0/.well-known/openid-configuration";
            HttpClient client =
                    HttpClient.newBuilder().sslContext(trusting(certificate)).build();

            JsonNode overTls = new ObjectMapper()
                    .readTree(client.send(
                                    HttpRequest.newBuilder(URI.create(proxied.httpsUrl() + path))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .body());
            JsonNode overHttp = proxied.http()
                    .send(proxied.http().request(path, null).GET())
                    .json();

            String issuer = "https://meet.example.test/" + DemoDirectory.TENANT_ID + "/v2.0";
            assertThat(overTls.path("issuer").asText()).isEqualTo(issuer);
            assertThat(overHttp.path("issuer").asText()).isEqualTo(issuer);
            assertThat(overTls.path("token_endpoint").asText())
                    .isEqualTo("https://meet.example.test/" + DemoDirectory.TENANT_ID + "/oauth2/v2.0/token");
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "G{T /v1.0/me/onlineMeetings HTTP/1.1\r\nHost: x\r\n\r\n",
                "GET /v1.0/me/onlineMeetings HTTP/1.1\r\nHost: x\r\nBad Header Name: v\r\n\r\n"
            })
    void unreadableRequestsGetGraphsEnvelope(String request) throws IOException {
        URI https = URI.create(server.httpsUrl());
        String raw;
        try (Socket socket =
                trustingTheTestCertificate.getSocketFactory().createSocket(https.getHost(), https.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            raw = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }

        JsonNode body = new ObjectMapper().readTree(raw.substring(raw.indexOf("\r\n\r\n") + 4));
        assertThat(raw).as(raw).startsWith("HTTP/1.1 400 ");
        assertThat(body.path("error").path("code").asText()).isEqualTo("BadRequest");
        assertThat(body.path("error").path("innerError").path("request-id").asText())
                .isNotBlank();
    }
}
