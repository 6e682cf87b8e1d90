package io.graphmeet.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphmeet.meetings.MeetingStore;
import io.graphmeet.testing.Backend;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lookup by key that PostgreSQL planned while the meetings table was new is planned again, on the key's own
 * index, once the node has stored {@value FirstAnalysis#ROWS} meetings, without waiting for autovacuum (which
 * this test turns off for the table, so that only graphmeet can mend the plan).
 */
class PostgresFirstAnalysisTest {

    private static final String KEY_INDEX = "meetings_by_external_key";
    private static final Duration ANALYSIS_WAIT = Duration.ofSeconds(15);

    @Test
    void aLookupPlannedOnTheNewTableUsesTheKeyIndexOnceTheNodeStoredEnoughMeetings(@TempDir Path scratch)
            throws Exception {
        Map<String, String> storage = StoreFixture.newStorage(Backend.POSTGRES, scratch);
        try (Database database = StoreFixture.open(storage);
                Connection observer =
                        DriverManager.getConnection(storage.get("GRAPHMEET_STORAGE_POSTGRES_URL"), "postgres", "");
                Statement sql = observer.createStatement()) {
            sql.execute("ALTER TABLE meetings SET (autovacuum_enabled = off)");
            sql.execute("SET plan_cache_mode = force_generic_plan");
            sql.execute("PREPARE probe(text, text, text) AS SELECT id, revision, expires_at_ms FROM meetings "
                    + "WHERE tenant_id = $1 AND organizer_id = $2 AND external_id = $3");
            assertThat(plan(sql))
                    .as("the plan of the lookup made on the new, empty table")
                    .doesNotContain(KEY_INDEX);

            storeMeetings(database.meetings(), UUID.randomUUID().toString(), (int) FirstAnalysis.ROWS);

            long giveUp = System.nanoTime() + ANALYSIS_WAIT.toNanos();
            while (estimatedRows(sql) < FirstAnalysis.ROWS && System.nanoTime() < giveUp) {
                Thread.sleep(Duration.ofMillis(50));
            }
            assertThat(estimatedRows(sql))
                    .as("PostgreSQL's estimate of the table's rows")
                    .isGreaterThanOrEqualTo(FirstAnalysis.ROWS);
            assertThat(plan(sql)).as("the same prepared lookup, planned again").contains(KEY_INDEX);
        }
    }

    private static void storeMeetings(MeetingStore store, String tenantId, int count) {
        try (ExecutorService callers = Executors.newFixedThreadPool(16)) {
            for (int i = 0; i < count; i++) {
                String externalId = "first-analysis-" + i;
                callers.submit(() -> store.insertUnlessKeyTaken(
                        MeetingStoreContract.meeting(tenantId, externalId, MeetingStoreContract.NOW),
                        MeetingStoreContract.NOW));
            }
        }
    }

    private static String plan(Statement sql) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (ResultSet rows = sql.executeQuery("EXPLAIN EXECUTE probe('t', 'o', 'e')")) {
            while (rows.next()) {
                plan.append(rows.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }

    private static double estimatedRows(Statement sql) throws SQLException {
        try (ResultSet row = sql.executeQuery("SELECT reltuples FROM pg_class WHERE oid = 'meetings'::regclass")) {
            row.next();
            return row.getDouble(1);
        }
    }
}
