package io.graphmeet.cluster;

import static io.graphmeet.testing.Contoso.ADELE;
import static io.graphmeet.testing.Contoso.BOT_APP;
import static io.graphmeet.testing.Contoso.MEGAN;
import static io.graphmeet.testing.Contoso.OTHER_APP;
import static io.graphmeet.testing.Contoso.TENANT;
import static io.graphmeet.testing.Contoso.WRITE_ALL;
import static org.assertj.core.api.Assertions.assertThat;

import io.graphmeet.fault.CreateOrGetLoad;
import io.graphmeet.fault.StoredMeetings;
import io.graphmeet.testing.Backend;
import io.graphmeet.testing.Contoso;
import io.graphmeet.testing.GraphHttp;
import io.graphmeet.testing.GraphResponse;
import io.graphmeet.testing.ServerProcess;
import io.graphmeet.testing.TestIssuer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three graphmeet processes on one PostgreSQL, load spread over all of them: one meeting per key under
 * concurrent createOrGet, an access-policy change made through one node's admin API honoured by the others
 * within {@link #DIRECTORY_CHANGE_BOUND}, and a node SIGKILLed mid-load losing nothing any node acknowledged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ThreeNodesOnPostgresTest {

    /** How soon the other nodes honour a directory change (they learn of it through LISTEN/NOTIFY). */
    static final Duration DIRECTORY_CHANGE_BOUND = Duration.ofSeconds(2);

    private static final Logger LOG = Logger.getLogger(ThreeNodesOnPostgresTest.class.getName());
    private static final int KEYS = 10;
    private static final int CALLS_PER_KEY = 24;
    private static final Duration LIMIT = Duration.ofSeconds(60);

    private final List<ServerProcess> nodes = new ArrayList<>();
    private Map<String, String> storage;
    private TestIssuer issuer;

    @BeforeAll
    void startThreeNodes(@TempDir Path scratch) throws Exception {
        issuer = new TestIssuer(scratch, Clock.systemUTC());
        storage = Backend.POSTGRES.newStorage(scratch);
        Map<String, String> environment = new HashMap<>(storage);
        environment.put("GRAPHMEET_AUTH_ISSUERS", issuer.issuersSetting());
        Path seed = scratch.resolve("directory.yaml");
        Files.writeString(seed, Contoso.DIRECTORY);
        environment.put("GRAPHMEET_DIRECTORY_BOOTSTRAP_FILE", seed.toString());
        for (int i = 0; i < 3; i++) {
            nodes.add(ServerProcess.startReady(environment, scratch.resolve("node-" + i + ".log")));
        }
    }

    @AfterAll
    void stopNodes() throws InterruptedException {
        for (ServerProcess node : nodes) {
            node.close();
        }
    }

    @Test
    @Order(1)
    void concurrentCallsForTheSameKeysOverThreeNodesCreateOneMeetingPerKey() throws Exception {
        String token = issuer.application(TENANT, BOT_APP, WRITE_ALL);
        CountDownLatch start = new CountDownLatch(1);
        Map<String, List<Future<GraphResponse>>> calls = new HashMap<>();
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int k = 0; k < KEYS; k++) {
                String body = "{\"externalId\":\"same-" + UUID.randomUUID() + "\"}";
                for (int i = 0; i < CALLS_PER_KEY; i++) {
                    GraphHttp node = nodes.get(i % nodes.size()).http();
                    calls.computeIfAbsent(body, b -> new ArrayList<>()).add(callers.submit(() -> {
                        start.await();
                        return node.post(path(MEGAN), token, body);
                    }));
                }
            }
            start.countDown();
            for (List<Future<GraphResponse>> key : calls.values()) {
                List<GraphResponse> responses = new ArrayList<>();
                for (Future<GraphResponse> call : key) {
                    responses.add(call.get());
                }
                assertThat(responses).extracting(GraphResponse::status).containsOnly(200, 201);
                assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
                assertThat(responses).filteredOn(r -> r.status() == 200).hasSize(CALLS_PER_KEY - 1);
                assertThat(responses)
                        .extracting(r -> r.json().path("id").asText())
                        .containsOnly(responses.getFirst().json().path("id").asText());
            }
        }
    }

    @Test
    @Order(2)
    void anAccessPolicyChangeThroughOneNodeIsHonouredByTheOthersWithinTheBound() throws Exception {
        String token = issuer.application(TENANT, OTHER_APP, WRITE_ALL);
        for (ServerProcess node : nodes) {
            assertThat(node.http().post(path(ADELE), token, newKey()).status()).isEqualTo(403);
        }
        String policy = "/admin/v1/tenants/" + TENANT + "/policies/meeting-bots";

        assertThat(nodes.get(0)
                        .admin()
                        .patch(policy, "{\"add\":[\"" + OTHER_APP + "\"]}")
                        .status())
                .isEqualTo(200);
        Duration granted = untilEveryOtherNodeAnswers(201, token);
        assertThat(nodes.get(1)
                        .admin()
                        .patch(policy, "{\"remove\":[\"" + OTHER_APP + "\"]}")
                        .status())
                .isEqualTo(200);
        Duration revoked = untilEveryOtherNodeAnswers(403, token);

        LOG.info(() -> "directory change seen by the other nodes after: grant " + granted.toMillis() + " ms, revoke "
                + revoked.toMillis() + " ms");
        assertThat(granted).isLessThanOrEqualTo(DIRECTORY_CHANGE_BOUND);
        assertThat(revoked).isLessThanOrEqualTo(DIRECTORY_CHANGE_BOUND);
    }

    /** How long after now every node answers Adele's createOrGet by the other app with {@code status}. */
    private Duration untilEveryOtherNodeAnswers(int status, String token) throws InterruptedException {
        long started = System.nanoTime();
        CreateOrGetLoad.await(
                () -> nodes.stream()
                        .allMatch(node ->
                                node.http().post(path(ADELE), token, newKey()).status() == status),
                DIRECTORY_CHANGE_BOUND.multipliedBy(5),
                "directory change not honoured");
        return Duration.ofNanos(System.nanoTime() - started);
    }

    @Test
    @Order(3)
    void aNodeKilledMidLoadLosesNothingAnyNodeAcknowledged() throws Exception {
        List<GraphHttp> https = nodes.stream().map(ServerProcess::http).toList();
        CreateOrGetLoad load =
                new CreateOrGetLoad(https, MEGAN, issuer.application(TENANT, BOT_APP, WRITE_ALL), "three-nodes", 12);
        try (load) {
            load.awaitConverged(300, LIMIT);
            nodes.get(2).kill();
            load.awaitConverged(300, LIMIT);
            load.finish(LIMIT);
        }
        Map<String, List<String>> stored;
        try (Connection connection = DriverManager.getConnection(
                storage.get("GRAPHMEET_STORAGE_POSTGRES_URL"), storage.get("GRAPHMEET_STORAGE_POSTGRES_USER"), "")) {
            stored = StoredMeetings.byKey(connection, "three-nodes");
        }
        long refused =
                load.answers().stream().filter(answer -> answer.status() == 0).count();
        LOG.info(() -> "three nodes, one killed: 201s " + load.created().size() + ", refused connections " + refused
                + ", stored keys " + stored.size() + ", duplicates "
                + StoredMeetings.duplicated(stored).size());

        assertThat(nodes.get(2).isAlive()).isFalse();
        assertThat(load.unexpected()).as("answers other than 200, 201 and 503").isZero();
        assertThat(StoredMeetings.missing(load.created(), stored))
                .as("201s missing after the kill")
                .isEmpty();
        assertThat(StoredMeetings.missing(load.converged(), stored))
                .as("keys not converged")
                .isEmpty();
        assertThat(StoredMeetings.duplicated(stored))
                .as("keys with two meetings")
                .isEmpty();
    }

    private static String newKey() {
        return "{\"externalId\":\"" + UUID.randomUUID() + "\"}";
    }

    private static String path(String user) {
        return "/v1.0/users/" + user + "/onlineMeetings/createOrGet";
    }
}
