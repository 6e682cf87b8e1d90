package io.graphmeet.security;

import static io.graphmeet.testing.Contoso.MEGAN;
import static io.graphmeet.testing.Contoso.TENANT;
import static io.graphmeet.testing.Contoso.WRITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graphmeet.admin.AdminKey;
import io.graphmeet.config.ConfigException;
import io.graphmeet.testing.Backend;
import io.graphmeet.testing.Contoso;
import io.graphmeet.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 8 finding 1: the data folder and everything graphmeet keeps in it are readable by their owner only. */
class DataAtRestTest {

    @Test
    void aNewDataFolderIsOwnerOnlyAndSoAreTheDatabaseItsLogAndTheAdminKey(@TempDir Path scratch) throws IOException {
        Path data = scratch.resolve("data");
        try (TestServer server = server(scratch, data)) {
            String token = server.issuer().delegated(TENANT, MEGAN, WRITE);
            assertThat(server.http()
                            .post("/v1.0/me/onlineMeetings/createOrGet", token, "{\"externalId\":\"at-rest\"}")
                            .status())
                    .isEqualTo(201);

            assertThat(mode(data)).isEqualTo("rwx------");
            Map<String, String> files = modes(data);
            assertThat(files).containsKeys("graphmeet.db", "graphmeet.db-wal", "graphmeet.db-shm", AdminKey.FILE_NAME);
            assertThat(files)
                    .allSatisfy((name, mode) -> assertThat(mode).as(name).isEqualTo("rw-------"));
        }
    }

    @Test
    void anExistingOpenFolderAndDatabaseAreMadeOwnerOnly(@TempDir Path scratch) throws IOException {
        Path data = scratch.resolve("data");
        try (TestServer server = server(scratch, data)) {
            server.http()
                    .post(
                            "/v1.0/me/onlineMeetings/createOrGet",
                            server.issuer().delegated(TENANT, MEGAN, WRITE),
                            "{\"externalId\":\"at-rest\"}");
        }
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(data.resolve("graphmeet.db"), PosixFilePermissions.fromString("rw-r--r--"));

        try (TestServer server = server(scratch, data)) {
            assertThat(mode(data)).isEqualTo("rwx------");
            assertThat(mode(data.resolve("graphmeet.db"))).isEqualTo("rw-------");
        }
    }

    @Test
    void anAdminKeyFileOthersCanReadIsRefused(@TempDir Path scratch) throws IOException {
        Path data = Files.createDirectory(
                scratch.resolve("data"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path key = data.resolve(AdminKey.FILE_NAME);
        Files.writeString(key, "a-key-someone-else-may-have-read-already\n");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> server(scratch, data))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("admin.key")
                .hasMessageContaining("readable by other accounts")
                .hasMessageContaining("chmod 600");
    }

    private static TestServer server(Path scratch, Path data) {
        return TestServer.on(Backend.EMBEDDED, scratch)
                .bootstrap(Contoso.DIRECTORY)
                .setting("GRAPHMEET_STORAGE_DATA_DIR", data.toString())
                .setting("GRAPHMEET_ADMIN_KEY", "")
                .start();
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static Map<String, String> modes(Path folder) throws IOException {
        Map<String, String> result = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                result.put(file.getFileName().toString(), mode(file));
            }
        }
        return result;
    }
}
