package io.graphmeet.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphmeet.testing.AdminHttp;
import io.graphmeet.testing.Backend;
import io.graphmeet.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the admin key comes from when admin.key is not set: generated in development, none in production. */
class AdminKeyTest {

    @Test
    void developmentGeneratesAKeyInTheDataDirectoryAndKeepsItAcrossRestarts(@TempDir Path scratch) throws IOException {
        try (TestServer server = TestServer.on(Backend.EMBEDDED, scratch)
                .setting("GRAPHMEET_ADMIN_KEY", "")
                .start()) {
            Path file;
            try (var files = Files.walk(scratch)) {
                file = files.filter(path -> path.getFileName().toString().equals(AdminKey.FILE_NAME))
                        .findFirst()
                        .orElseThrow();
            }
            String key = Files.readString(file).strip();
            assertThat(key).hasSizeGreaterThanOrEqualTo(43);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
            assertThat(new AdminHttp(server.adminUrl(), key)
                            .get("/admin/v1/tenants")
                            .status())
                    .isEqualTo(200);
            assertThat(server.admin().get("/admin/v1/tenants").status()).isEqualTo(401);

            server.restart();
            assertThat(Files.readString(file).strip()).isEqualTo(key);
            assertThat(new AdminHttp(server.adminUrl(), key)
                            .get("/admin/v1/tenants")
                            .status())
                    .isEqualTo(200);
        }
    }

    @Test
    void productionWithoutAKeyServesNoAdminApiNoIssuerAndNoDemoTenant(@TempDir Path scratch) {
        try (TestServer server = TestServer.on(Backend.EMBEDDED, scratch)
                .setting("GRAPHMEET_ADMIN_KEY", "")
                .setting("GRAPHMEET_PROFILE", "production")
                .start()) {
            assertThat(server.graphmeet().adminUrl()).isEmpty();
            var token = server.tokens()
                    .clientCredentials(
                            io.graphmeet.demo.DemoDirectory.TENANT_ID,
                            io.graphmeet.demo.DemoDirectory.APP_ID,
                            io.graphmeet.demo.DemoDirectory.APP_SECRET);
            assertThat(token.status()).isEqualTo(400);
            assertThat(token.errorCode()).isEqualTo("BadRequest");
        }
    }

    @Test
    void aKeyIsComparedWhole() {
        AdminKey key = new AdminKey("abc", null);
        assertThat(key.matches("abc")).isTrue();
        assertThat(key.matches("ab")).isFalse();
        assertThat(key.matches("abcd")).isFalse();
        assertThat(key.matches(null)).isFalse();
        assertThat(key.toString()).doesNotContain("abc");
    }
}
