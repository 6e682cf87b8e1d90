package io.graphmeet.fault;

import static io.graphmeet.testing.Contoso.BOT_APP;
import static io.graphmeet.testing.Contoso.MEGAN;
import static io.graphmeet.testing.Contoso.TENANT;
import static io.graphmeet.testing.Contoso.WRITE_ALL;
import static org.assertj.core.api.Assertions.assertThat;

import io.graphmeet.Graphmeet;
import io.graphmeet.testing.GraphHttp;
import io.graphmeet.testing.TestIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A primary with a synchronous streaming standby on loopback; two graphmeet nodes with pgjdbc's multi-host URL
 * and {@code targetServerType=primary}. In the middle of createOrGet load the primary is killed (SIGKILL of
 * every server process) and the standby promoted: the nodes find the new primary by themselves, and every
 * meeting acknowledged with 201 — on the old primary or the new — is on the new primary. Meanwhile every request
 * answers within {@code storage.postgres.requestTimeout}, a refusal being 503 with Retry-After.
 */
class StandbyFailoverTest {

    private static final Logger LOG = Logger.getLogger(StandbyFailoverTest.class.getName());
    private static final String STANDBY_NAME = "graphmeet_standby";
    /** What makes a commit wait until the standby has flushed it: without these, failover can lose 201s. */
    private static final Map<String, String> SYNCHRONOUS =
            Map.of("synchronous_standby_names", STANDBY_NAME, "synchronous_commit", "on");

    private static final int CLIENTS = 8;
    private static final int KEYS_BEFORE_AND_AFTER = 150;
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @Test
    void nodesFindThePromotedStandbyAndNoAcknowledgedMeetingIsMissingOnIt(@TempDir Path scratch) throws Exception {
        Path primaryData = scratch.resolve("primary");
        Path standbyData = scratch.resolve("standby");
        try (LocalPostgres seed = LocalPostgres.start(primaryData, Map.of())) {
            seed.execute("CREATE DATABASE graphmeet");
        }
        copyCluster(primaryData, standbyData);
        try (LocalPostgres primary = LocalPostgres.start(primaryData, SYNCHRONOUS)) {
            Files.writeString(standbyData.resolve("standby.signal"), "");
            Files.writeString(
                    standbyData.resolve("postgresql.auto.conf"),
                    "primary_conninfo = 'host=127.0.0.1 port=" + primary.port() + " user=postgres application_name="
                            + STANDBY_NAME + "'\n");
            try (LocalPostgres standby = LocalPostgres.start(standbyData, Map.of("hot_standby", "on"))) {
                CreateOrGetLoad.await(
                        () -> isSynchronousStandby(primary), LIMIT, "the standby never became synchronous");
                failOverUnderLoad(scratch, primary, standby);
            }
        }
    }

    private void failOverUnderLoad(Path scratch, LocalPostgres primary, LocalPostgres standby) throws Exception {
        TestIssuer issuer = new TestIssuer(scratch, Clock.systemUTC());
        String url = "jdbc:postgresql://127.0.0.1:" + primary.port() + ",127.0.0.1:" + standby.port()
                + "/graphmeet?targetServerType=primary&hostRecheckSeconds=1";
        Map<String, String> settings = Nodes.onPostgres(scratch, issuer, url);
        CreateOrGetLoad load;
        long killed;
        long promoted;
        Duration requestTimeout;
        try (Graphmeet first = Nodes.start(settings);
                Graphmeet second = Nodes.start(settings)) {
            requestTimeout = first.config().storage().postgres().requestTimeout();
            load = new CreateOrGetLoad(
                    List.of(new GraphHttp(first.baseUrl()), new GraphHttp(second.baseUrl())),
                    MEGAN,
                    issuer.application(TENANT, BOT_APP, WRITE_ALL),
                    "failover",
                    CLIENTS);
            try (load) {
                load.awaitConverged(KEYS_BEFORE_AND_AFTER, LIMIT);
                primary.crash();
                killed = System.nanoTime();
                standby.execute("SELECT pg_promote(true, 60)");
                promoted = System.nanoTime();
                load.awaitConverged(KEYS_BEFORE_AND_AFTER, LIMIT);
                load.finish(LIMIT);
            }
        }

        Map<String, List<String>> stored;
        try (Connection connection = standby.connect("graphmeet")) {
            stored = StoredMeetings.byKey(connection, "failover");
        }
        List<CreateOrGetLoad.Answer> answers = load.answers();
        long firstSuccessAfterPromotion = answers.stream()
                .filter(answer -> answer.startedNanos() >= promoted && answer.status() / 100 == 2)
                .mapToLong(answer -> answer.startedNanos() + answer.tookNanos())
                .min()
                .orElseThrow();
        Duration slowest = answers.stream()
                .map(CreateOrGetLoad.Answer::took)
                .max(Duration::compareTo)
                .orElseThrow();
        LOG.info(() -> "failover: promotion took "
                + Duration.ofNanos(promoted - killed).toMillis()
                + " ms, first 2xx "
                + Duration.ofNanos(firstSuccessAfterPromotion - promoted).toMillis()
                + " ms after it; answers " + answers.size() + ", 503s "
                + answers.stream().filter(answer -> answer.status() == 503).count() + ", slowest " + slowest.toMillis()
                + " ms, 201s " + load.created().size() + ", stored keys " + stored.size() + ", duplicates "
                + StoredMeetings.duplicated(stored).size());

        assertThat(load.unexpected()).as("answers other than 200, 201 and 503").isZero();
        assertThat(answers).filteredOn(answer -> answer.status() == 503).allSatisfy(answer -> {
            assertThat(answer.errorCode()).isEqualTo("ServiceNotAvailable");
            assertThat(answer.retryAfter()).as("Retry-After").isTrue();
        });
        assertThat(slowest)
                .as("slowest answer, during the failover too")
                .isLessThanOrEqualTo(requestTimeout.plus(PostgresOutageTest.SCHEDULING_SLACK));
        assertThat(load.created()).hasSizeGreaterThanOrEqualTo(KEYS_BEFORE_AND_AFTER);
        assertThat(StoredMeetings.missing(load.created(), stored))
                .as("201s missing on the new primary")
                .isEmpty();
        assertThat(StoredMeetings.missing(load.converged(), stored))
                .as("keys not converged on the stored meeting")
                .isEmpty();
        assertThat(StoredMeetings.duplicated(stored))
                .as("keys with two meetings")
                .isEmpty();
    }

    private static boolean isSynchronousStandby(LocalPostgres primary) {
        try (Connection connection = primary.connect("postgres");
                ResultSet row = connection
                        .createStatement()
                        .executeQuery("SELECT sync_state FROM pg_stat_replication WHERE application_name = '"
                                + STANDBY_NAME + "'")) {
            return row.next() && row.getString(1).equals("sync");
        } catch (SQLException e) {
            return false;
        }
    }

    /** A base backup the simple way: a copy of a cleanly stopped cluster, without its lock files. */
    private static void copyCluster(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                String name = file.getFileName().toString();
                if (name.equals("postmaster.pid") || name.equals("epg-lock")) {
                    continue;
                }
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwx------"));
                } else {
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
