package io.graphmeet.fault;

import static io.graphmeet.testing.Contoso.BOT_APP;
import static io.graphmeet.testing.Contoso.MEGAN;
import static io.graphmeet.testing.Contoso.TENANT;
import static io.graphmeet.testing.Contoso.WRITE_ALL;
import static org.assertj.core.api.Assertions.assertThat;

import io.graphmeet.Graphmeet;
import io.graphmeet.testing.GraphHttp;
import io.graphmeet.testing.TestIssuer;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL stopped the hard way ({@code pg_ctl stop -m immediate}) under retrying createOrGet clients, then
 * started again: while it is down every request answers 503 ServiceNotAvailable with Retry-After within
 * {@code storage.postgres.requestTimeout} (default 2 s); the node recovers without a restart; every 201 is
 * in the database, no key has two meetings, and every client converged on the one meeting of its key.
 * {@code -Dgraphmeet.fault.outages=N -Dgraphmeet.fault.outageSeconds=S} make the long version.
 */
class PostgresOutageTest {

    private static final Logger LOG = Logger.getLogger(PostgresOutageTest.class.getName());
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);
    /** What a busy 2-core machine may add to the timeout: thread scheduling, not waiting on the database. */
    private static final Duration SCHEDULING_SLACK = Duration.ofMillis(250);
    /** Once the node knows the database is unreachable, only one request at a time waits for it. */
    private static final Duration FAST_FAILURE = Duration.ofMillis(250);
    private static final int OUTAGES = Integer.getInteger("graphmeet.fault.outages", 2);
    private static final Duration OUTAGE = Duration.ofSeconds(Integer.getInteger("graphmeet.fault.outageSeconds", 4));
    private static final int CLIENTS = 8;
    private static final int KEYS_BETWEEN_OUTAGES = 100;
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @Test
    void requestsAnswer503WithinTheTimeoutWhileDownAndNothingAcknowledgedIsLost(@TempDir Path scratch)
            throws Exception {
        TestIssuer issuer = new TestIssuer(scratch, Clock.systemUTC());
        try (LocalPostgres postgres = LocalPostgres.start(scratch.resolve("pg"), Map.of())) {
            postgres.execute("CREATE DATABASE graphmeet");
            Map<String, String> settings = Nodes.onPostgres(scratch, issuer, postgres.jdbcUrl("graphmeet"));
            List<long[]> outages = new ArrayList<>();
            CreateOrGetLoad load;
            try (Graphmeet node = Nodes.start(settings)) {
                load = new CreateOrGetLoad(List.of(new GraphHttp(node.baseUrl())), MEGAN,
                        issuer.application(TENANT, BOT_APP, WRITE_ALL), "outage", CLIENTS);
                try (load) {
                    load.awaitConverged(KEYS_BETWEEN_OUTAGES, LIMIT);
                    for (int i = 0; i < OUTAGES; i++) {
                        postgres.stopImmediately();
                        long down = System.nanoTime();
                        Thread.sleep(OUTAGE); // the length of the injected outage, not a wait for a result
                        long up = System.nanoTime();
                        postgres.start();
                        outages.add(new long[] {down, up});
                        load.awaitConverged(KEYS_BETWEEN_OUTAGES, LIMIT);
                    }
                    load.finish(LIMIT);
                }
            }

            List<CreateOrGetLoad.Answer> answers = load.answers();
            List<CreateOrGetLoad.Answer> whileDown = answers.stream().filter(answer -> outages.stream().anyMatch(
                    outage -> answer.startedNanos() >= outage[0]
                            && answer.startedNanos() + answer.tookNanos() <= outage[1])).toList();
            Duration slowest = answers.stream().map(CreateOrGetLoad.Answer::took).max(Duration::compareTo).orElseThrow();
            Map<String, List<String>> stored;
            try (Connection connection = postgres.connect("graphmeet")) {
                stored = StoredMeetings.byKey(connection, "outage");
            }
            LOG.info(() -> "outages " + OUTAGES + " x " + OUTAGE + ": answers " + answers.size() + ", while down "
                    + whileDown.size() + " (median " + median(whileDown).toMillis() + " ms), slowest " + slowest.toMillis() + " ms, 201s " + load.created().size()
                    + ", keys converged " + load.converged().size() + ", stored keys " + stored.size()
                    + ", duplicates " + StoredMeetings.duplicated(stored).size());

            assertThat(whileDown).as("requests answered while PostgreSQL was down").hasSizeGreaterThan(OUTAGES * CLIENTS);
            assertThat(whileDown).allSatisfy(answer -> {
                assertThat(answer.status()).isEqualTo(503);
                assertThat(answer.errorCode()).isEqualTo("ServiceNotAvailable");
                assertThat(answer.retryAfter()).as("Retry-After").isTrue();
            });
            assertThat(slowest).as("slowest answer").isLessThanOrEqualTo(REQUEST_TIMEOUT.plus(SCHEDULING_SLACK));
            assertThat(median(whileDown)).as("typical answer while down: at once, not after the timeout")
                    .isLessThan(FAST_FAILURE);
            assertThat(load.unexpected()).as("answers other than 200, 201 and 503").isZero();
            assertThat(answers).noneMatch(answer -> answer.status() == 0);
            assertThat(load.created()).hasSizeGreaterThan((OUTAGES + 1) * KEYS_BETWEEN_OUTAGES / 2);
            assertThat(StoredMeetings.missing(load.created(), stored)).as("201s missing from the database").isEmpty();
            assertThat(StoredMeetings.missing(load.converged(), stored)).as("keys not converged on the stored meeting")
                    .isEmpty();
            assertThat(StoredMeetings.duplicated(stored)).as("keys with two meetings").isEmpty();
        }
    }

    private static Duration median(List<CreateOrGetLoad.Answer> answers) {
        List<Duration> sorted = answers.stream().map(CreateOrGetLoad.Answer::took).sorted().toList();
        return sorted.isEmpty() ? Duration.ZERO : sorted.get(sorted.size() / 2);
    }
}
