package io.graphmeet.fault;

import static io.graphmeet.testing.Contoso.BOT_APP;
import static io.graphmeet.testing.Contoso.MEGAN;
import static io.graphmeet.testing.Contoso.TENANT;
import static io.graphmeet.testing.Contoso.WRITE_ALL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.graphmeet.store.Database;
import io.graphmeet.testing.Contoso;
import io.graphmeet.testing.GraphHttp;
import io.graphmeet.testing.GraphResponse;
import io.graphmeet.testing.ServerProcess;
import io.graphmeet.testing.TestIssuer;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The embedded database runs out of space under load: creates answer 503, replays of existing meetings still
 * answer 200, the database stays intact ({@code PRAGMA integrity_check}), and once space is freed creates
 * succeed again without a restart. The space runs out two ways: the data folder on a small tmpfs the test
 * mounts and fills (needs root; skipped, saying so, where mounting is refused), and a file size limit set on
 * the server process ({@code prlimit --fsize}; writes past it fail with EFBIG, as on a full disk), which needs
 * no privilege.
 */
class EmbeddedFullDiskTest {

    /** How the disk fills up and is freed again. */
    enum Exhaustion {
        TMPFS,
        FILE_SIZE_LIMIT
    }

    private static final Logger LOG = Logger.getLogger(EmbeddedFullDiskTest.class.getName());
    private static final int DISK_MIB = 16;
    /** Room left for the database once the disk is "full": enough to start, soon exhausted by creates. */
    private static final long ROOM_BYTES = 1536 * 1024;

    private static final int MAX_CREATES = 20_000;

    @ParameterizedTest
    @EnumSource(Exhaustion.class)
    void createsAnswer503WhileTheDiskIsFullReplaysStill200AndCreatesResumeOnceSpaceIsFreed(
            Exhaustion exhaustion, @TempDir Path scratch) throws Exception {
        Path disk = Files.createDirectories(scratch.resolve("disk"));
        if (exhaustion == Exhaustion.TMPFS) {
            assumeTrue(mount(disk), "cannot mount a tmpfs here (needs root): FILE_SIZE_LIMIT injects the failure");
        }
        try {
            runUntilFullThenFree(exhaustion, scratch, disk);
        } finally {
            if (exhaustion == Exhaustion.TMPFS) {
                LocalPostgres.run("umount", "-l", disk.toString());
            }
        }
    }

    private static void runUntilFullThenFree(Exhaustion exhaustion, Path scratch, Path disk) throws Exception {
        Path dataDir = disk.resolve("data");
        TestIssuer issuer = new TestIssuer(scratch, Clock.systemUTC());
        Map<String, String> environment = new HashMap<>();
        environment.put("GRAPHMEET_STORAGE_DATA_DIR", dataDir.toString());
        environment.put("GRAPHMEET_AUTH_ISSUERS", issuer.issuersSetting());
        Path seed = scratch.resolve("directory.yaml");
        Files.writeString(seed, Contoso.DIRECTORY);
        environment.put("GRAPHMEET_DIRECTORY_BOOTSTRAP_FILE", seed.toString());
        String token = issuer.application(TENANT, BOT_APP, WRITE_ALL);

        Map<String, String> created = new LinkedHashMap<>();
        int refused = 0;
        try (ServerProcess server = ServerProcess.startReady(environment, scratch.resolve("server.log"))) {
            GraphHttp http = server.http();
            assertThat(create(http, token, "disk-first").status()).isEqualTo(201);
            Path filler = disk.resolve("filler");
            switch (exhaustion) {
                case TMPFS -> fill(filler, disk);
                case FILE_SIZE_LIMIT -> limitFileSize(server.pid(), largestFile(dataDir) + ROOM_BYTES);
            }

            GraphResponse last = null;
            for (int i = 0; i < MAX_CREATES; i++) {
                last = create(http, token, "disk-" + i);
                if (last.status() != 201) {
                    break;
                }
                created.put("disk-" + i, last.json().path("id").asText());
            }
            assertThat(last.status()).as("create once the disk is full").isEqualTo(503);
            assertThat(last.errorCode()).isEqualTo("ServiceNotAvailable");
            assertThat(last.header("Retry-After")).isNotNull();
            for (int i = 0; i < 5; i++) {
                assertThat(create(http, token, "disk-full-" + i).status()).isEqualTo(503);
                refused++;
            }
            for (Map.Entry<String, String> meeting : created.entrySet()) {
                GraphResponse replay = create(http, token, meeting.getKey());
                assertThat(replay.status()).as("replay of " + meeting.getKey()).isEqualTo(200);
                assertThat(replay.json().path("id").asText()).isEqualTo(meeting.getValue());
            }

            switch (exhaustion) {
                case TMPFS -> Files.delete(filler);
                case FILE_SIZE_LIMIT -> limitFileSize(server.pid(), -1);
            }
            assertThat(create(http, token, "disk-after").status())
                    .as("create once space is freed")
                    .isEqualTo(201);
            assertThat(create(http, token, "disk-after").status()).isEqualTo(200);
        }

        try (Connection connection =
                        DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(Database.EMBEDDED_FILE));
                ResultSet check = connection.createStatement().executeQuery("PRAGMA integrity_check")) {
            assertThat(check.next()).isTrue();
            assertThat(check.getString(1)).isEqualTo("ok");
            Map<String, List<String>> stored = StoredMeetings.byKey(connection, "disk-");
            assertThat(StoredMeetings.missing(created, stored))
                    .as("201s missing after the disk filled")
                    .isEmpty();
            assertThat(stored).doesNotContainKeys("disk-full-0", "disk-full-4").containsKey("disk-after");
        }
        int refusedCreates = refused;
        LOG.info(() -> "full disk (" + exhaustion + "): " + created.size() + " meetings created before the space ran"
                + " out, " + refusedCreates + " creates refused with 503, " + created.size()
                + " replays answered 200, integrity_check ok, creates resumed after freeing space");
    }

    private static GraphResponse create(GraphHttp http, String token, String key) {
        return http.post(
                "/v1.0/users/" + MEGAN + "/onlineMeetings/createOrGet",
                token,
                "{\"externalId\":\"" + key + "\",\"subject\":\"" + "x".repeat(200) + "\"}");
    }

    /** Takes every free byte of the filesystem but {@link #ROOM_BYTES}. */
    private static void fill(Path filler, Path disk) throws IOException {
        long free = Files.getFileStore(disk).getUsableSpace();
        try (RandomAccessFile file = new RandomAccessFile(filler.toFile(), "rw")) {
            byte[] block = new byte[64 * 1024];
            long size = Math.max(0, free - ROOM_BYTES);
            for (long written = 0; written < size; written += block.length) {
                file.write(block, 0, (int) Math.min(block.length, size - written));
            }
        }
    }

    /**
     * Sets the soft limit on the size of any file the process writes ({@code -1}: none). The JVM ignores
     * SIGXFSZ, so a write past the limit fails with EFBIG, which SQLite reports as a full disk.
     */
    private static void limitFileSize(long pid, long bytes) {
        LocalPostgres.run("prlimit", "--pid", Long.toString(pid), "--fsize=" + (bytes < 0 ? "unlimited" : bytes) + ":");
    }

    private static long largestFile(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.mapToLong(file -> {
                        try {
                            return Files.size(file);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .max()
                    .orElse(0);
        }
    }

    private static boolean mount(Path disk) {
        try {
            LocalPostgres.run("mount", "-t", "tmpfs", "-o", "size=" + DISK_MIB + "m", "tmpfs", disk.toString());
            return true;
        } catch (IllegalStateException | UncheckedIOException refused) {
            LOG.warning("mount refused: " + refused.getMessage());
            return false;
        }
    }
}
