package io.graphmeet.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    @Test
    void defaultsAloneGiveALoopbackServerOnTheEmbeddedDatabase() {
        GraphmeetConfig config = ConfigLoader.load(null, Map.of());

        assertThat(config.server().host()).isEqualTo("127.0.0.1");
        assertThat(config.server().port()).isEqualTo(8080);
        assertThat(config.server().effectivePublicUrl()).isEqualTo("http://127.0.0.1:8080");
        assertThat(config.joinBaseUrl()).isEqualTo("http://127.0.0.1:8080");
        assertThat(config.storage().kind()).isEqualTo(GraphmeetConfig.StorageKind.EMBEDDED);
        assertThat(config.auth().audiences())
                .containsExactly("https://graph.microsoft.com", "00000003-0000-0000-c000-000000000000");
        assertThat(config.auth().clockSkew()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void theEnvironmentOverridesTheFile() throws IOException {
        Path file = dir.resolve("graphmeet.yaml");
        Files.writeString(file, """
                server:
                  port: 9000
                  publicUrl: https://meet.example.com/
                auth:
                  audiences: [api://a, api://b]
                  issuers:
                    - issuer: https://login.microsoftonline.com/{tenantid}/v2.0
                      jwksUri: https://login.microsoftonline.com/common/discovery/v2.0/keys
                """);

        GraphmeetConfig config = ConfigLoader.load(file, Map.of("GRAPHMEET_SERVER_PORT", "9100"));

        assertThat(config.server().port()).isEqualTo(9100);
        assertThat(config.server().effectivePublicUrl()).isEqualTo("https://meet.example.com");
        assertThat(config.auth().audiences()).containsExactly("api://a", "api://b");
        assertThat(config.auth().issuers())
                .singleElement()
                .satisfies(issuer -> assertThat(issuer.jwksUri()).endsWith("/keys"));
    }

    @Test
    void errorsNameTheSettingAndItsVariable() {
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("GRAPHMEET_SERVER_PORT", "eighty")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("server.port (GRAPHMEET_SERVER_PORT)")
                .hasMessageContaining("eighty");
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("GRAPHMEET_STORAGE_KIND", "oracle")))
                .hasMessageContaining("storage.kind");
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("GRAPHMEET_STORAGE_KIND", "postgres")))
                .hasMessageContaining("storage.postgres.url");
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("GRAPHMEET_AUTH_CLOCK_SKEW", "1 minute")))
                .hasMessageContaining("auth.clockSkew");
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("GRAPHMEET_SERVER_PUBLIC_URL", "ftp://x")))
                .hasMessageContaining("server.publicUrl");
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("GRAPHMEET_DIRECTORY_STRICT", "maybe")))
                .hasMessageContaining("directory.strict");
    }

    @Test
    void unknownSettingsAndIncompleteIssuersAreRefused() throws IOException {
        Path typo = dir.resolve("typo.yaml");
        Files.writeString(typo, "server:\n  prot: 9000\n");
        Path noKeys = dir.resolve("nokeys.yaml");
        Files.writeString(noKeys, "auth:\n  issuers:\n    - issuer: https://x/{tenantid}\n");

        assertThatThrownBy(() -> ConfigLoader.load(typo, Map.of())).hasMessageContaining("server.prot");
        assertThatThrownBy(() -> ConfigLoader.load(noKeys, Map.of())).hasMessageContaining("auth.issuers[0]");
    }

    @Test
    void theDescriptionListsEverySettingOfTheCatalogue() {
        String described = ConfigReport.describe(ConfigLoader.load(null, Map.of()));
        for (Setting setting : Setting.values()) {
            assertThat(described)
                    .as(setting.key())
                    .containsPattern("(?m)^" + setting.key().replace(".", "\\.") + "=");
        }
    }

    @Test
    void theHelpReferenceNamesEverySettingAndItsVariable() {
        String reference = ConfigReport.reference();
        for (Setting setting : Setting.values()) {
            assertThat(reference).contains(setting.key() + " / " + setting.environmentVariable());
        }
    }

    @Test
    void theDescriptionMasksAPasswordInsideThePostgresUrl() {
        for (String url : new String[] {
            "jdbc:postgresql://db/graphmeet?user=g&password=hunter2&ssl=true",
            "jdbc:postgresql://g:hunter2@db:5432/graphmeet"
        }) {
            GraphmeetConfig config = ConfigLoader.load(
                    null, Map.of("GRAPHMEET_STORAGE_KIND", "postgres", "GRAPHMEET_STORAGE_POSTGRES_URL", url));
            assertThat(ConfigReport.describe(config))
                    .doesNotContain("hunter2")
                    .contains("****")
                    .contains("db");
            assertThat(config.storage().postgres().maskedUrl()).doesNotContain("hunter2");
        }
        assertThat(ConfigLoader.load(null, Map.of("GRAPHMEET_STORAGE_POSTGRES_URL", "jdbc:postgresql://db:5432/g"))
                        .storage()
                        .postgres()
                        .maskedUrl())
                .isEqualTo("jdbc:postgresql://db:5432/g");
    }

    @Test
    void warnsOfUnknownVariablesButNotOfTheOnesScriptsAndTheCliRead() {
        Map<String, String> environment = Map.of(
                "GRAPHMEET_ADMN_KEY",
                "x",
                "GRAPHMEET_TENANT",
                "t",
                "GRAPHMEET_CONFIG",
                "",
                "GRAPHMEET_JAVA_OPTS",
                "-Xmx1g",
                "GRAPHMEET_AUTH_ISSUERS",
                "[]");
        assertThat(ConfigReport.warnings(ConfigLoader.load(null, environment), environment))
                .singleElement()
                .asString()
                .contains("GRAPHMEET_ADMN_KEY", "did you mean GRAPHMEET_ADMIN_KEY?");
    }

    @Test
    void warnsWhenNoIssuerIsTrustedAtAll() {
        Map<String, String> production = Map.of("GRAPHMEET_PROFILE", "production");
        assertThat(ConfigReport.warnings(ConfigLoader.load(null, production), production))
                .singleElement()
                .asString()
                .contains("every Graph call will be refused");
        assertThat(ConfigReport.warnings(ConfigLoader.load(null, Map.of()), Map.of()))
                .isEmpty();
    }

    @Test
    void theConnectTimeoutOfPostgresDefaultsToThirtySeconds() {
        assertThat(ConfigLoader.load(null, Map.of()).storage().postgres().connectTimeout())
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(ConfigLoader.load(null, Map.of("GRAPHMEET_STORAGE_POSTGRES_CONNECT_TIMEOUT", "PT2M"))
                        .storage()
                        .postgres()
                        .connectTimeout())
                .isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void aBootstrapFileThatIsAFolderIsRefused() {
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("GRAPHMEET_DIRECTORY_BOOTSTRAP_FILE", dir.toString())))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("directory.bootstrapFile")
                .hasMessageContaining("is a folder");
    }

    @Test
    void theDescriptionMasksThePostgresPassword() {
        GraphmeetConfig config = ConfigLoader.load(
                null,
                Map.of(
                        "GRAPHMEET_STORAGE_KIND",
                        "postgres",
                        "GRAPHMEET_STORAGE_POSTGRES_URL",
                        "jdbc:postgresql://db/graphmeet",
                        "GRAPHMEET_STORAGE_POSTGRES_PASSWORD",
                        "hunter2"));

        assertThat(ConfigReport.describe(config))
                .contains("storage.postgres.password=****")
                .doesNotContain("hunter2");
    }

    @Test
    void thePostgresRequestTimeoutDefaultsToTwoSecondsAndRefusesValuesOutsideItsRange() {
        assertThat(ConfigLoader.load(null, Map.of()).storage().postgres().requestTimeout())
                .isEqualTo(Duration.ofSeconds(2));
        assertThat(ConfigLoader.load(null, Map.of("GRAPHMEET_STORAGE_POSTGRES_REQUEST_TIMEOUT", "PT5S"))
                        .storage()
                        .postgres()
                        .requestTimeout())
                .isEqualTo(Duration.ofSeconds(5));
        assertThatThrownBy(
                        () -> ConfigLoader.load(null, Map.of("GRAPHMEET_STORAGE_POSTGRES_REQUEST_TIMEOUT", "PT0.1S")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("storage.postgres.requestTimeout (GRAPHMEET_STORAGE_POSTGRES_REQUEST_TIMEOUT)");
    }
}
