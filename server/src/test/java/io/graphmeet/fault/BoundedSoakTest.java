package io.graphmeet.fault;

import static io.graphmeet.testing.Contoso.BOT_APP;
import static io.graphmeet.testing.Contoso.MEGAN;
import static io.graphmeet.testing.Contoso.TENANT;
import static io.graphmeet.testing.Contoso.WRITE_ALL;
import static org.assertj.core.api.Assertions.assertThat;

import io.graphmeet.bench.Soak;
import io.graphmeet.testing.Backend;
import io.graphmeet.testing.Contoso;
import io.graphmeet.testing.ServerProcess;
import io.graphmeet.testing.TestIssuer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The bounded version of {@code bench/soak} that the suite runs: the same load (a createOrGet mix of new keys and
 * replays at 70% of the measured maximum) over four 5-second windows instead of minutes. No errors, as in the long
 * soak; p99 may grow up to three times (the long soak allows 1.5: 5-second windows on a shared CI machine are
 * noisy). Twenty seconds are too short for the server's caches (10,000 meetings each) to fill, so the heap's trend
 * is judged only by {@code bench/soak}; here the heap left after collections must stay under half the heap.
 */
class BoundedSoakTest {

    private static final int WINDOWS = 4;
    private static final Duration WINDOW = Duration.ofSeconds(5);
    private static final int MAX_SECONDS = 4;
    private static final double FRACTION = 0.7;
    private static final double P99_FACTOR = 3;
    /** Half of the 256 MiB heap the server process runs in. */
    private static final double HEAP_CEILING_MIB = 128;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aFewWindowsAtSeventyPercentOfTheMaximumAnswerEveryRequestWithoutGrowingTheHeap(
            Backend backend, @TempDir Path scratch) throws Exception {
        TestIssuer issuer = new TestIssuer(scratch, Clock.systemUTC());
        Path seed = scratch.resolve("directory.yaml");
        Files.writeString(seed, Contoso.DIRECTORY);
        Path gcLog = scratch.resolve("gc.log");
        Map<String, String> environment = new HashMap<>(backend.newStorage(scratch));
        environment.put("GRAPHMEET_AUTH_ISSUERS", issuer.issuersSetting());
        environment.put("GRAPHMEET_DIRECTORY_BOOTSTRAP_FILE", seed.toString());
        environment.put("JAVA_TOOL_OPTIONS", "-Xlog:gc:file=" + gcLog);
        String token = issuer.application(TENANT, BOT_APP, WRITE_ALL);

        try (ServerProcess server = ServerProcess.startReady(environment, scratch.resolve("graphmeet.log"))) {
            Soak.Verdict verdict = Soak.run(
                    URI.create(server.http().baseUrl() + "/v1.0/users/" + MEGAN + "/onlineMeetings/createOrGet"),
                    token,
                    server.pid(),
                    gcLog,
                    WINDOWS,
                    WINDOW,
                    MAX_SECONDS,
                    FRACTION);

            assertThat(verdict.requests()).isPositive();
            assertThat(verdict.errors())
                    .as("answers other than 200 or 201, by kind: %s", verdict.failures())
                    .isZero();
            assertThat(verdict.p99Stable(P99_FACTOR))
                    .as(
                            "p99 %.1f ms in the last window against %.1f ms in the first",
                            verdict.p99Last(), verdict.p99First())
                    .isTrue();
            assertThat(verdict.heapLast())
                    .as("heap left after collections in the last window, in MiB (NaN: no collection)")
                    .isLessThan(HEAP_CEILING_MIB);
        }
    }
}
