package io.graphmeet.store;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graphmeet.config.ConfigLoader;
import io.graphmeet.config.GraphmeetConfig;
import io.graphmeet.failure.StoreUnavailableException;
import io.graphmeet.testing.Backend;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first connection to PostgreSQL is awaited only while waiting can help. */
class PostgresStartupTest {

    @Test
    void aFailureThatWaitingWillNotMendEndsTheWaitAtOnce(@TempDir Path scratch) {
        Map<String, String> settings = new HashMap<>(Backend.POSTGRES.newStorage(scratch));
        settings.put(
                "GRAPHMEET_STORAGE_POSTGRES_URL",
                settings.get("GRAPHMEET_STORAGE_POSTGRES_URL").replaceFirst("/graphmeet_\\d+", "/no_such_database"));
        settings.put("GRAPHMEET_STORAGE_POSTGRES_CONNECT_TIMEOUT", "PT60S");
        GraphmeetConfig.Postgres postgres =
                ConfigLoader.load(null, settings).storage().postgres();

        assertThatThrownBy(() -> PostgresStartup.awaitReachable(postgres))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("storage.postgres.url")
                .hasMessageContaining("refused the connection")
                .hasMessageContaining("no_such_database");
    }
}
