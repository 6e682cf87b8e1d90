package io.graphmeet.observe;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphmeet.config.GraphmeetConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Readiness of the management listener: up only between serving and stopping, and only while every check passes. */
class ManagementServerTest {

    @Test
    void readinessFollowsServingStoppingAndEveryCheck() throws Exception {
        AtomicReference<Optional<String>> database = new AtomicReference<>(Optional.empty());
        try (PrometheusMetrics metrics = new PrometheusMetrics();
                ManagementServer management = ManagementServer.start(
                        new GraphmeetConfig.Management("127.0.0.1", 0),
                        metrics,
                        List.of(Readiness.of("database", database::get)),
                        Map.of(),
                        Clock.systemUTC())) {
            assertThat(ready(management).statusCode()).isEqualTo(503);

            management.serving();
            assertThat(ready(management).statusCode()).isEqualTo(200);

            database.set(Optional.of("connection refused"));
            HttpResponse<String> databaseDown = ready(management);
            assertThat(databaseDown.statusCode()).isEqualTo(503);
            assertThat(databaseDown.body()).contains("\"database\"").contains("connection refused");
            database.set(Optional.empty());

            management.stopping();
            HttpResponse<String> stopping = ready(management);
            assertThat(stopping.statusCode()).isEqualTo(503);
            assertThat(stopping.body()).contains("\"serving\"");
            assertThat(live(management).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aReadinessCheckThatThrowsIsAFailedCheckNotAnError() {
        Readiness broken = Readiness.of("database", () -> {
            throw new IllegalStateException("pool closed");
        });

        assertThat(broken.problem()).contains("pool closed");
    }

    private static HttpResponse<String> ready(ManagementServer management) throws Exception {
        return get(management, "/observe/health/ready");
    }

    private static HttpResponse<String> live(ManagementServer management) throws Exception {
        return get(management, "/observe/health/live");
    }

    private static HttpResponse<String> get(ManagementServer management, String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + management.port() + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
