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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * SPEC §9: SIGKILL at any moment loses no meeting that was answered 201. A real server process is killed
 * in the middle of a stream of creates, restarted on the same data, and asked for every acknowledged key.
 */
class SigkillDurabilityTest {

    private static final int WRITERS = 16;
    private static final Duration LOAD_LIMIT = Duration.ofSeconds(20);
    private static final int ACKNOWLEDGED_BEFORE_KILL = 300;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void everyAcknowledgedMeetingSurvivesAKill(Backend backend, @TempDir Path scratch) throws Exception {
        TestIssuer issuer = new TestIssuer(scratch, Clock.systemUTC());
        Map<String, String> environment = new HashMap<>(backend.newStorage(scratch));
        environment.put("GRAPHMEET_AUTH_ISSUERS", issuer.issuersSetting());
        environment.put("GRAPHMEET_ADMIN_PORT", "0");
        environment.put("GRAPHMEET_MANAGEMENT_PORT", "0");
        Path seed = scratch.resolve("directory.yaml");
        Files.writeString(seed, Contoso.DIRECTORY);
        environment.put("GRAPHMEET_DIRECTORY_BOOTSTRAP_FILE", seed.toString());
        String token = issuer.application(TENANT, BOT_APP, WRITE_ALL);
        String path = "/v1.0/users/" + MEGAN + "/onlineMeetings/createOrGet";

        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger attempts = new AtomicInteger();
        try (ServerProcess first = ServerProcess.startReady(environment, scratch.resolve("first.log"))) {
            GraphHttp http = first.http();
            Instant stopAt = Instant.now().plus(LOAD_LIMIT);
            try (ExecutorService writers = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int w = 0; w < WRITERS; w++) {
                    int writer = w;
                    writers.submit(() -> {
                        for (int i = 0; Instant.now().isBefore(stopAt); i++) {
                            String key = "kill-" + writer + "-" + i;
                            attempts.incrementAndGet();
                            try {
                                GraphResponse response = http.post(path, token, "{\"externalId\":\"" + key + "\"}");
                                if (response.status() == 201) {
                                    acknowledged.put(
                                            key, response.json().path("id").asText());
                                }
                            } catch (UncheckedIOException killed) {
                                return;
                            }
                        }
                    });
                }
                CreateOrGetLoad.await(
                        () -> acknowledged.size() >= ACKNOWLEDGED_BEFORE_KILL,
                        LOAD_LIMIT,
                        "fewer than " + ACKNOWLEDGED_BEFORE_KILL + " meetings acknowledged within " + LOAD_LIMIT);
                first.kill();
            }
        }

        try (ServerProcess second = ServerProcess.startReady(environment, scratch.resolve("second.log"))) {
            List<String> lost = new ArrayList<>();
            acknowledged.forEach((key, id) -> {
                GraphResponse replay = second.http().post(path, token, "{\"externalId\":\"" + key + "\"}");
                if (replay.status() != 200 || !replay.json().path("id").asText().equals(id)) {
                    lost.add(key + " -> " + replay.status());
                }
            });

            assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_KILL);
            assertThat(attempts.get()).isGreaterThan(acknowledged.size());
            assertThat(lost).as("acknowledged meetings missing after SIGKILL").isEmpty();
        }
    }
}
