package io.graphmeet.fault;

import static io.graphmeet.testing.Contoso.BOT_APP;
import static io.graphmeet.testing.Contoso.MEGAN;
import static io.graphmeet.testing.Contoso.TENANT;
import static io.graphmeet.testing.Contoso.WRITE_ALL;
import static org.assertj.core.api.Assertions.assertThat;

import io.graphmeet.testing.Backend;
import io.graphmeet.testing.Contoso;
import io.graphmeet.testing.GraphHttp;
import io.graphmeet.testing.GraphResponse;
import io.graphmeet.testing.ServerProcess;
import io.graphmeet.testing.TestIssuer;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Graceful shutdown: a real server process gets SIGTERM in the middle of a stream of creates. Every request gets
 * its answer (200 or 201, never an error) or a closed connection, the process ends by itself within the grace
 * period, and every meeting answered 201 is there after a restart.
 */
class SigtermDrainTest {

    private static final int WRITERS = 16;
    private static final Duration LOAD_LIMIT = Duration.ofSeconds(30);
    private static final int ACKNOWLEDGED_BEFORE_TERM = 200;
    /** What the JVM exits with after SIGTERM once its shutdown hooks are done. */
    private static final int EXIT_ON_SIGTERM = 143;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void sigtermDrainsRequestsInFlightAndLosesNoAcknowledgedMeeting(Backend backend, @TempDir Path scratch)
            throws Exception {
        TestIssuer issuer = new TestIssuer(scratch, Clock.systemUTC());
        Map<String, String> environment = new HashMap<>(backend.newStorage(scratch));
        environment.put("GRAPHMEET_AUTH_ISSUERS", issuer.issuersSetting());
        environment.put("GRAPHMEET_SERVER_SHUTDOWN_GRACE", "PT10S");
        Path seed = scratch.resolve("directory.yaml");
        Files.writeString(seed, Contoso.DIRECTORY);
        environment.put("GRAPHMEET_DIRECTORY_BOOTSTRAP_FILE", seed.toString());
        String token = issuer.application(TENANT, BOT_APP, WRITE_ALL);
        String path = "/v1.0/users/" + MEGAN + "/onlineMeetings/createOrGet";

        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        Queue<String> wrongAnswers = new ConcurrentLinkedQueue<>();
        AtomicInteger closedConnections = new AtomicInteger();
        Path firstLog = scratch.resolve("first.log");
        try (ServerProcess first = ServerProcess.startReady(environment, firstLog)) {
            GraphHttp http = first.http();
            Instant stopAt = Instant.now().plus(LOAD_LIMIT);
            try (ExecutorService writers = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int w = 0; w < WRITERS; w++) {
                    int writer = w;
                    writers.submit(() -> {
                        for (int i = 0; Instant.now().isBefore(stopAt); i++) {
                            String key = "term-" + writer + "-" + i;
                            try {
                                GraphResponse response = http.post(path, token, "{\"externalId\":\"" + key + "\"}");
                                if (response.status() == 201) {
                                    acknowledged.put(
                                            key, response.json().path("id").asText());
                                } else {
                                    wrongAnswers.add(key + " -> " + response);
                                }
                            } catch (UncheckedIOException closed) {
                                closedConnections.incrementAndGet();
                                return;
                            }
                        }
                    });
                }
                CreateOrGetLoad.await(
                        () -> acknowledged.size() >= ACKNOWLEDGED_BEFORE_TERM,
                        LOAD_LIMIT,
                        "fewer than " + ACKNOWLEDGED_BEFORE_TERM + " meetings acknowledged within " + LOAD_LIMIT);
                first.terminate();
                assertThat(first.awaitExit()).isEqualTo(EXIT_ON_SIGTERM);
            }
        }

        assertThat(wrongAnswers).as("answers other than 201 during the drain").isEmpty();
        assertThat(closedConnections.get()).isEqualTo(WRITERS);
        assertThat(problemsLogged(Files.readString(firstLog))).isEmpty();
        try (ServerProcess second = ServerProcess.startReady(environment, scratch.resolve("second.log"))) {
            List<String> lost = new ArrayList<>();
            acknowledged.forEach((key, id) -> {
                GraphResponse replay = second.http().post(path, token, "{\"externalId\":\"" + key + "\"}");
                if (replay.status() != 200 || !replay.json().path("id").asText().equals(id)) {
                    lost.add(key + " -> " + replay.status());
                }
            });

            assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_TERM);
            assertThat(lost).as("acknowledged meetings missing after SIGTERM").isEmpty();
        }
    }

    /**
     * SEVERE lines and exceptions in the log, but for Helidon refusing a connection that arrived while its listener
     * was stopping: the writers reconnect during the drain, and such a connection is the closed connection
     * counted above, not a failure.
     */
    private static List<String> problemsLogged(String log) {
        String refusedWhileStopping = "SEVERE io.helidon.webserver.ServerListener: Executor rejected handler for new "
                + "connection\njava.util.concurrent.RejectedExecutionException";
        return log.replace(refusedWhileStopping, "")
                .lines()
                .filter(line -> line.contains("SEVERE") || line.contains("Exception"))
                .toList();
    }
}
