package io.graphmeet.api;

import io.graphmeet.testing.Backend;
import io.graphmeet.testing.Contoso;
import io.graphmeet.testing.GraphHttp;
import io.graphmeet.testing.GraphResponse;
import io.graphmeet.testing.MutableClock;
import io.graphmeet.testing.TestIssuer;
import io.graphmeet.testing.TestServer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** One server per test class, on the backend the subclass names, seeded with {@link Contoso#DIRECTORY}. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ServerContract {

    static final String ME = "/v1.0/me/onlineMeetings/createOrGet";

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-12T09:15:02.4127391Z"));
    TestServer server;
    GraphHttp http;
    TestIssuer issuer;

    abstract Backend backend();

    @BeforeAll
    void startServer(@TempDir Path scratch) {
        server = TestServer.on(backend(), scratch)
                .clock(clock)
                .bootstrap(Contoso.DIRECTORY)
                .start();
        http = server.http();
        issuer = server.issuer();
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    static String usersPath(String user) {
        return "/v1.0/users/" + user + "/onlineMeetings/createOrGet";
    }

    static String uniqueId() {
        return "ext-" + UUID.randomUUID();
    }

    static String body(String externalId) {
        return "{\"externalId\":\"" + externalId + "\"}";
    }

    String megan() {
        return issuer.delegated(Contoso.TENANT, Contoso.MEGAN, Contoso.WRITE);
    }

    GraphResponse asMegan(String json) {
        return http.post(ME, megan(), json);
    }

    /** Runs {@code count} calls at once, released together, and returns their responses in order. */
    static List<GraphResponse> simultaneously(int count, IntFunction<GraphResponse> call) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<GraphResponse>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(executor.submit(() -> {
                    start.await();
                    return call.apply(index);
                }));
            }
            start.countDown();
            List<GraphResponse> responses = new ArrayList<>();
            for (Future<GraphResponse> future : futures) {
                responses.add(future.get(30, TimeUnit.SECONDS));
            }
            return responses;
        }
    }
}
