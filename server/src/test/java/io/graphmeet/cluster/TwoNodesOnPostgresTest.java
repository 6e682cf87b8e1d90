package io.graphmeet.cluster;

import static io.graphmeet.testing.Contoso.ADELE;
import static io.graphmeet.testing.Contoso.BOT_APP;
import static io.graphmeet.testing.Contoso.MEGAN;
import static io.graphmeet.testing.Contoso.OTHER_APP;
import static io.graphmeet.testing.Contoso.TENANT;
import static io.graphmeet.testing.Contoso.WRITE_ALL;
import static org.assertj.core.api.Assertions.assertThat;

import io.graphmeet.Graphmeet;
import io.graphmeet.config.ConfigLoader;
import io.graphmeet.directory.AccessPolicy;
import io.graphmeet.meetings.RandomMeetingIdentifiers;
import io.graphmeet.store.Database;
import io.graphmeet.testing.Backend;
import io.graphmeet.testing.Contoso;
import io.graphmeet.testing.GraphHttp;
import io.graphmeet.testing.GraphResponse;
import io.graphmeet.testing.TestIssuer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** SPEC §8: stateless nodes sharing one PostgreSQL stay exactly-once and see each other's directory changes. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesOnPostgresTest {

    private final List<Graphmeet> nodes = new ArrayList<>();
    private Map<String, String> settings;
    private TestIssuer issuer;

    @BeforeAll
    void startTwoNodes(@TempDir Path scratch) throws Exception {
        issuer = new TestIssuer(scratch, Clock.systemUTC());
        settings = new HashMap<>(Backend.POSTGRES.newStorage(scratch));
        settings.put("GRAPHMEET_SERVER_PORT", "0");
        settings.put("GRAPHMEET_ADMIN_PORT", "0");
        settings.put("GRAPHMEET_MANAGEMENT_PORT", "0");
        settings.put("GRAPHMEET_AUTH_ISSUERS", issuer.issuersSetting());
        Path seed = scratch.resolve("directory.yaml");
        Files.writeString(seed, Contoso.DIRECTORY);
        settings.put("GRAPHMEET_DIRECTORY_BOOTSTRAP_FILE", seed.toString());
        for (int i = 0; i < 2; i++) {
            nodes.add(Graphmeet.start(
                    ConfigLoader.load(null, settings),
                    Clock.systemUTC(),
                    new RandomMeetingIdentifiers(Clock.systemUTC())));
        }
    }

    @AfterAll
    void stopNodes() {
        nodes.forEach(Graphmeet::close);
    }

    @Test
    void simultaneousCallsSpreadOverBothNodesCreateOneMeeting() throws Exception {
        String body = "{\"externalId\":\"cluster-" + UUID.randomUUID() + "\"}";
        String token = issuer.application(TENANT, BOT_APP, WRITE_ALL);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<GraphResponse>> calls = new ArrayList<>();
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 64; i++) {
                GraphHttp node = http(i % 2);
                calls.add(callers.submit(() -> {
                    start.await();
                    return node.post(path(MEGAN), token, body);
                }));
            }
            start.countDown();
            List<GraphResponse> responses = new ArrayList<>();
            for (Future<GraphResponse> call : calls) {
                responses.add(call.get());
            }

            assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
            assertThat(responses).filteredOn(r -> r.status() == 200).hasSize(63);
            assertThat(responses)
                    .extracting(r -> r.json().path("id").asText())
                    .containsOnly(responses.getFirst().json().path("id").asText());
        }
    }

    @Test
    void aPolicyChangeMadeThroughOneNodesDatabaseReachesTheOther() throws Exception {
        String token = issuer.application(TENANT, OTHER_APP, WRITE_ALL);
        GraphHttp secondNode = http(1);
        assertThat(secondNode
                        .post(path(ADELE), token, "{\"externalId\":\"" + UUID.randomUUID() + "\"}")
                        .status())
                .isEqualTo(403);

        try (Database firstNodesDatabase =
                Database.open(ConfigLoader.load(null, settings).storage())) {
            String policy = "other-apps-" + UUID.randomUUID();
            firstNodesDatabase.directory().putPolicy(new AccessPolicy(TENANT, policy, Set.of(OTHER_APP)));
            firstNodesDatabase.directory().grantToUser(TENANT, ADELE, policy);
        }

        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        int status;
        do {
            status = secondNode
                    .post(path(ADELE), token, "{\"externalId\":\"" + UUID.randomUUID() + "\"}")
                    .status();
        } while (status == 403 && Instant.now().isBefore(deadline));
        assertThat(status).isEqualTo(201);
    }

    private GraphHttp http(int node) {
        return new GraphHttp(nodes.get(node).baseUrl());
    }

    private static String path(String user) {
        return "/v1.0/users/" + user + "/onlineMeetings/createOrGet";
    }
}
