package io.graphmeet.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphmeet.demo.DemoDirectory;
import io.graphmeet.testing.GraphHttp;
import io.graphmeet.testing.GraphResponse;
import io.graphmeet.testing.TokenHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8 finding 3: a server started with a small heap ({@value #MAX_HEAP}), fed hundreds of meetings of the
 * largest size allowed ({@value #ATTENDEES} attendees) and their replays, keeps answering, and its heap after a
 * full collection stays well inside the limit, because every cache is bounded by bytes. Before the fix the caches
 * (bounded by count) held every meeting and the server ran out of memory.
 */
class BoundedHeapTest {

    private static final String MAX_HEAP = "-Xmx160m";
    private static final long MAX_HEAP_BYTES = 160L * 1024 * 1024;
    private static final int MEETINGS = 600;
    private static final int ATTENDEES = 1_000;
    private static final int CLIENTS = 4;

    @Test
    void theHeapStaysWithinTheLimitUnderLargeMeetings(@TempDir Path scratch) throws Exception {
        int port = freePort();
        Path log = scratch.resolve("server.log");
        ProcessBuilder launch = new ProcessBuilder(
                        javaTool("java"),
                        MAX_HEAP,
                        "-XX:+UseSerialGC",
                        "-XX:+ExitOnOutOfMemoryError",
                        "--enable-native-access=ALL-UNNAMED",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "io.graphmeet.Main")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        launch.environment().put("GRAPHMEET_SERVER_PORT", Integer.toString(port));
        launch.environment().put("GRAPHMEET_ADMIN_PORT", Integer.toString(freePort()));
        launch.environment().put("GRAPHMEET_MANAGEMENT_PORT", Integer.toString(freePort()));
        launch.environment()
                .put("GRAPHMEET_STORAGE_DATA_DIR", scratch.resolve("data").toString());
        launch.environment().put("GRAPHMEET_SERVER_MAX_BODY_BYTES", Integer.toString(256 * 1024));
        Process server = launch.start();
        try {
            GraphHttp http = new GraphHttp("http://127.0.0.1:" + port);
            String token = awaitToken(http, server, log);
            String path = "/v1.0/users/" + DemoDirectory.USER_ID + "/onlineMeetings/createOrGet";

            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            List<Future<int[]>> results = new ArrayList<>();
            for (int client = 0; client < CLIENTS; client++) {
                int first = client;
                results.add(clients.submit(() -> IntStream.iterate(first, i -> i < MEETINGS, i -> i + CLIENTS)
                        .flatMap(i -> {
                            String body = largeMeeting("heap-" + i);
                            return IntStream.of(
                                    http.post(path, token, body).status(),
                                    http.post(path, token, body).status());
                        })
                        .toArray()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<int[]> result : results) {
                for (int status : result.get(10, TimeUnit.MINUTES)) {
                    statuses.add(status);
                }
            }
            clients.shutdown();

            assertThat(server.isAlive()).as("server alive; log:%n%s", tail(log)).isTrue();
            assertThat(statuses).hasSize(2 * MEETINGS).containsOnly(201, 200);
            assertThat(http.post(path, token, largeMeeting("heap-0")).status()).isEqualTo(200);
            long used = heapUsedAfterFullGc(server.pid());
            assertThat(used).as("heap used after a full GC, bytes").isLessThan(MAX_HEAP_BYTES * 3 / 4);
            System.out.printf(
                    "bounded heap: %d meetings of %d attendees; heap after GC %d MB of %d MB%n",
                    MEETINGS, ATTENDEES, used >> 20, MAX_HEAP_BYTES >> 20);
        } finally {
            server.destroy();
            if (!server.waitFor(20, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    private static String largeMeeting(String externalId) {
        StringBuilder body = new StringBuilder(72 * ATTENDEES)
                .append("{\"externalId\":\"")
                .append(externalId)
                .append("\",\"subject\":\"")
                .append("s".repeat(200))
                .append("\",\"participants\":{\"attendees\":[");
        for (int i = 0; i < ATTENDEES; i++) {
            body.append(i == 0 ? "" : ",")
                    .append("{\"identity\":{\"user\":{\"id\":\"")
                    .append(UUID.randomUUID())
                    .append("\"}}}");
        }
        return body.append("]}}").toString();
    }

    private String awaitToken(GraphHttp http, Process server, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && server.isAlive()) {
            try {
                GraphResponse answer = new TokenHttp(http)
                        .clientCredentials(DemoDirectory.TENANT_ID, DemoDirectory.APP_ID, DemoDirectory.APP_SECRET);
                return TokenHttp.accessToken(answer);
            } catch (UncheckedIOException notYetListening) {
                TimeUnit.MILLISECONDS.sleep(100);
            }
        }
        throw new AssertionError("the server did not start; log:\n" + tail(log));
    }

    /** Runs a full collection in the server, then sums the used space of its heap generations. */
    private static long heapUsedAfterFullGc(long pid) throws Exception {
        run(javaTool("jcmd"), Long.toString(pid), "GC.run");
        String info = run(javaTool("jcmd"), Long.toString(pid), "GC.heap_info");
        Matcher used = Pattern.compile("total \\d+K, used (\\d+)K").matcher(info);
        long kilobytes = 0;
        while (used.find()) {
            kilobytes += Long.parseLong(used.group(1));
        }
        assertThat(kilobytes).as(info).isPositive();
        return kilobytes * 1024;
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return output;
    }

    private static String javaTool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }

    private static String tail(Path log) {
        try {
            String text = Files.readString(log);
            return text.substring(Math.max(0, text.length() - 4000));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
