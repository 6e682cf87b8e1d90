package io.graphmeet.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The settings of running graphmeet as a service: their defaults per profile, and refusals naming the setting. */
class OperationsConfigTest {

    @Test
    void developmentLogsTextAndDoesNotThrottle() {
        var operations = ConfigLoader.load(null, Map.of()).operations();

        assertThat(operations.management()).isEqualTo(new GraphmeetConfig.Management("127.0.0.1", 8082));
        assertThat(operations.accessLog())
                .isEqualTo(new GraphmeetConfig.AccessLog(GraphmeetConfig.AccessLogFormat.TEXT, null));
        assertThat(operations.shutdownGrace()).isEqualTo(Duration.ofSeconds(10));
        assertThat(operations.throttle().enabled()).isFalse();
    }

    @Test
    void productionLogsJsonAndThrottlesWithGraphsFigures() {
        var operations = ConfigLoader.load(null, Map.of("GRAPHMEET_PROFILE", "production"))
                .operations();

        assertThat(operations.accessLog().format()).isEqualTo(GraphmeetConfig.AccessLogFormat.JSON);
        assertThat(operations.throttle())
                .isEqualTo(new GraphmeetConfig.Throttle(
                        true,
                        130_000,
                        Duration.ofSeconds(10),
                        50_000,
                        Duration.ofSeconds(15),
                        2_000,
                        Duration.ofMillis(200)));
        assertThat(operations.management().port()).isEqualTo(8082);
    }

    @Test
    void everyLimitAndTheLogFileCanBeSet() {
        var operations = ConfigLoader.load(
                        null,
                        Map.ofEntries(
                                Map.entry("GRAPHMEET_THROTTLE_ENABLED", "true"),
                                Map.entry("GRAPHMEET_THROTTLE_APP_REQUESTS", "10"),
                                Map.entry("GRAPHMEET_THROTTLE_APP_WINDOW", "PT1S"),
                                Map.entry("GRAPHMEET_THROTTLE_TENANT_REQUESTS", "5"),
                                Map.entry("GRAPHMEET_THROTTLE_TENANT_WINDOW", "PT2S"),
                                Map.entry("GRAPHMEET_THROTTLE_USER_MEETINGS_PER_MONTH", "3"),
                                Map.entry("GRAPHMEET_THROTTLE_SYNC_INTERVAL", "PT0.05S"),
                                Map.entry("GRAPHMEET_ACCESS_LOG_FORMAT", "off"),
                                Map.entry("GRAPHMEET_ACCESS_LOG_FILE", "/var/log/graphmeet/access.log"),
                                Map.entry("GRAPHMEET_MANAGEMENT_HOST", "0.0.0.0"),
                                Map.entry("GRAPHMEET_MANAGEMENT_PORT", "9090")))
                .operations();

        assertThat(operations.throttle())
                .isEqualTo(new GraphmeetConfig.Throttle(
                        true, 10, Duration.ofSeconds(1), 5, Duration.ofSeconds(2), 3, Duration.ofMillis(50)));
        assertThat(operations.accessLog())
                .isEqualTo(new GraphmeetConfig.AccessLog(
                        GraphmeetConfig.AccessLogFormat.OFF, Path.of("/var/log/graphmeet/access.log")));
        assertThat(operations.management()).isEqualTo(new GraphmeetConfig.Management("0.0.0.0", 9090));
    }

    @Test
    void badValuesAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("GRAPHMEET_ACCESS_LOG_FORMAT", "xml")))
                .hasMessageContaining("accessLog.format")
                .hasMessageContaining("'json', 'text' or 'off'");
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("GRAPHMEET_THROTTLE_TENANT_REQUESTS", "0")))
                .hasMessageContaining("throttle.tenantRequests");
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("GRAPHMEET_THROTTLE_APP_WINDOW", "PT0S")))
                .hasMessageContaining("throttle.appWindow");
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("GRAPHMEET_MANAGEMENT_PORT", "70000")))
                .hasMessageContaining("management.port");
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("GRAPHMEET_SERVER_SHUTDOWN_GRACE", "ten seconds")))
                .hasMessageContaining("server.shutdownGrace");
    }

    @Test
    void theStartUpLogDescribesThem() {
        String described = ConfigReport.describe(ConfigLoader.load(null, Map.of("GRAPHMEET_PROFILE", "production")));

        assertThat(described)
                .contains(
                        "management.port=8082",
                        "accessLog.format=json",
                        "server.shutdownGrace=PT10S",
                        "throttle.enabled=true",
                        "throttle.appRequests=130000",
                        "throttle.appWindow=PT10S",
                        "throttle.userMeetingsPerMonth=2000");
    }
}
