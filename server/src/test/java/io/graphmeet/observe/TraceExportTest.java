package io.graphmeet.observe;

import static io.graphmeet.testing.Contoso.MEGAN;
import static io.graphmeet.testing.Contoso.TENANT;
import static io.graphmeet.testing.Contoso.WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.graphmeet.testing.Backend;
import io.graphmeet.testing.Contoso;
import io.graphmeet.testing.GraphResponse;
import io.graphmeet.testing.TestServer;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code tracing.otlpEndpoint} set, each Graph request's span reaches an OTLP/HTTP receiver (here a plain
 * HTTP server standing in for a collector) in the caller's trace, and the response names that span.
 */
class TraceExportTest {

    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

    @Test
    void aRequestsSpanIsExportedOverOtlpInTheCallersTrace(@TempDir Path scratch) throws Exception {
        List<Export> received = new CopyOnWriteArrayList<>();
        HttpServer collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        collector.createContext("/v1/traces", exchange -> {
            received.add(new Export(
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        collector.start();
        GraphResponse created;
        try {
            try (TestServer server = TestServer.on(Backend.EMBEDDED, scratch)
                    .bootstrap(Contoso.DIRECTORY)
                    .setting(
                            "GRAPHMEET_TRACING_OTLP_ENDPOINT",
                            "http://127.0.0.1:" + collector.getAddress().getPort() + "/v1/traces")
                    .start()) {
                created = server.http()
                        .send(server.http()
                                .request(
                                        "/v1.0/me/onlineMeetings/createOrGet",
                                        server.issuer().delegated(TENANT, MEGAN, WRITE))
                                .header("Content-Type", "application/json")
                                .header("traceparent", "00-" + TRACE_ID + "-b7ad6b7169203331-01")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"externalId\":\"traced\"}")));
            } // stopping flushes the spans not yet exported
        } finally {
            collector.stop(0);
        }

        assertThat(created.status()).isEqualTo(201);
        String spanId = created.header("traceparent").split("-")[2];
        assertThat(created.header("traceparent"))
                .startsWith("00-" + TRACE_ID + "-")
                .endsWith("-01");
        assertThat(received).isNotEmpty();
        Export export = received.getFirst();
        assertThat(export.contentType()).isEqualTo("application/x-protobuf");
        String body = HexFormat.of().formatHex(export.body());
        assertThat(body).contains(TRACE_ID).contains(spanId).contains("b7ad6b7169203331");
        assertThat(new String(export.body(), StandardCharsets.ISO_8859_1))
                .contains("graphmeet")
                .contains("/v1.0/me/onlineMeetings/createOrGet")
                .contains("createOrGet");
    }

    private record Export(String contentType, byte[] body) {}
}
