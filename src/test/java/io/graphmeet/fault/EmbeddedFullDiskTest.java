package io.graphmeet.fault;

import static io.graphmeet.testing.Contoso.BOT_APP;
import static io.graphmeet.testing.Contoso.MEGAN;
import static io.graphmeet.testing.Contoso.TENANT;
import static io.graphmeet.testing.Contoso.WRITE_ALL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.graphmeet.store.Database;
import io.graphmeet.testing.Backend;
import io.graphmeet.testing.Contoso;
import io.graphmeet.testing.GraphHttp;
import io.graphmeet.testing.GraphResponse;
import io.graphmeet.testing.TestServer;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database's folder on a small filesystem of the test's own (a size-limited tmpfs) that fills up
 * under load: creates answer 503, replays of existing meetings still answer 200, the database stays intact
 * ({@code PRAGMA integrity_check}), and once space is freed creates succeed again without a restart.
 * Mounting needs root; where the machine refuses it the test is skipped and says why.
 */
class EmbeddedFullDiskTest {

    private static final Logger LOG = Logger.getLogger(EmbeddedFullDiskTest.class.getName());
    private static final int DISK_MIB = 16;
    /** Room left for the database once the filler is written: enough to start, soon exhausted by creates. */
    private static final long ROOM_BYTES = 1536 * 1024;
    private static final int MAX_CREATES = 20_000;

    @Test
    void createsAnswer503WhileTheDiskIsFullReplaysStill200AndCreatesResumeOnceSpaceIsFreed(@TempDir Path scratch)
            throws Exception {
        Path disk = Files.createDirectories(scratch.resolve("disk"));
        assumeTrue(mount(disk), "cannot mount a tmpfs here (needs root): the full-disk test is skipped");
        try {
            Path dataDir = disk.resolve("data");
            Path filler = disk.resolve("filler");
            Map<String, String> created = new LinkedHashMap<>();
            int refused = 0;
            try (TestServer server = TestServer.on(Backend.EMBEDDED, scratch)
                    .setting("GRAPHMEET_STORAGE_DATA_DIR", dataDir.toString()).bootstrap(Contoso.DIRECTORY).start()) {
                GraphHttp http = server.http();
                String token = server.issuer().application(TENANT, BOT_APP, WRITE_ALL);
                assertThat(create(http, token, "disk-first").status()).isEqualTo(201);
                fill(filler, disk);

                GraphResponse last = null;
                for (int i = 0; i < MAX_CREATES; i++) {
                    last = create(http, token, "disk-" + i);
                    if (last.status() != 201) {
                        break;
                    }
                    created.put("disk-" + i, last.json().path("id").asText());
                }
                assertThat(last.status()).as("create on a full disk").isEqualTo(503);
                assertThat(last.errorCode()).isEqualTo("ServiceNotAvailable");
                assertThat(last.header("Retry-After")).isNotNull();
                for (int i = 0; i < 5; i++) {
                    GraphResponse again = create(http, token, "disk-full-" + i);
                    assertThat(again.status()).isEqualTo(503);
                    refused++;
                }
                for (Map.Entry<String, String> meeting : created.entrySet()) {
                    GraphResponse replay = create(http, token, meeting.getKey());
                    assertThat(replay.status()).as("replay of " + meeting.getKey()).isEqualTo(200);
                    assertThat(replay.json().path("id").asText()).isEqualTo(meeting.getValue());
                }

                Files.delete(filler);
                GraphResponse resumed = create(http, token, "disk-after");
                assertThat(resumed.status()).as("create once space is freed").isEqualTo(201);
                assertThat(create(http, token, "disk-after").status()).isEqualTo(200);
            }

            try (Connection connection = DriverManager.getConnection(
                    "jdbc:sqlite:" + dataDir.resolve(Database.EMBEDDED_FILE));
                    ResultSet check = connection.createStatement().executeQuery("PRAGMA integrity_check")) {
                assertThat(check.next()).isTrue();
                assertThat(check.getString(1)).isEqualTo("ok");
                Map<String, java.util.List<String>> stored = StoredMeetings.byKey(connection, "disk-");
                assertThat(StoredMeetings.missing(created, stored)).as("201s missing after the disk filled").isEmpty();
                assertThat(stored).doesNotContainKeys("disk-full-0", "disk-full-4");
            }
            int refusedCreates = refused;
            LOG.info(() -> "full disk: " + created.size() + " meetings created before the " + DISK_MIB
                    + " MiB disk filled, " + refusedCreates + " creates refused with 503, " + created.size()
                    + " replays answered 200, integrity_check ok, creates resumed after freeing space");
        } finally {
            LocalPostgres.run("umount", "-l", disk.toString());
        }
    }

    private static GraphResponse create(GraphHttp http, String token, String key) {
        return http.post("/v1.0/users/" + MEGAN + "/onlineMeetings/createOrGet", token,
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

    private static boolean mount(Path disk) {
        try {
            LocalPostgres.run("mount", "-t", "tmpfs", "-o", "size=" + DISK_MIB + "m", "tmpfs", disk.toString());
            return true;
        } catch (IllegalStateException | java.io.UncheckedIOException refused) {
            LOG.warning("mount refused: " + refused.getMessage());
            return false;
        }
    }
}
