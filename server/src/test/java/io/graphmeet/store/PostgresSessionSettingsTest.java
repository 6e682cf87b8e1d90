package io.graphmeet.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphmeet.config.ConfigLoader;
import io.graphmeet.testing.Backend;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sessions graphmeet opens on PostgreSQL commit durably even where the server's default is
 * {@code synchronous_commit=off} (as on the test suite's embedded server), and give up on an unresponsive server
 * within {@code storage.postgres.requestTimeout}.
 */
class PostgresSessionSettingsTest {

    @Test
    void sessionsCommitDurablyAndStopWaitingWithinTheRequestTimeout(@TempDir Path scratch) throws SQLException {
        Map<String, String> storage = new HashMap<>(Backend.POSTGRES.newStorage(scratch));
        storage.put("GRAPHMEET_STORAGE_POSTGRES_REQUEST_TIMEOUT", "PT3S");
        try (Connection plain =
                DriverManager.getConnection(storage.get("GRAPHMEET_STORAGE_POSTGRES_URL"), "postgres", "")) {
            assertThat(show(plain, "synchronous_commit"))
                    .as("the server's own default")
                    .isEqualTo("off");
        }

        try (Database database = Database.open(ConfigLoader.load(null, storage).storage())) {
            assertThat(database.<String>read(connection -> show(connection, "synchronous_commit")))
                    .isEqualTo("on");
            assertThat(database.<String>write(connection -> show(connection, "synchronous_commit")))
                    .isEqualTo("on");
            assertThat(database.<Integer>read(Connection::getNetworkTimeout))
                    .as("socketTimeout, ms")
                    .isEqualTo(3000);
        }
    }

    private static String show(Connection connection, String setting) throws SQLException {
        try (ResultSet row = connection.createStatement().executeQuery("SHOW " + setting)) {
            row.next();
            return row.getString(1);
        }
    }
}
