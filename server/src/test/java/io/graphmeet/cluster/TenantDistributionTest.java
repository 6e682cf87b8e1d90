package io.graphmeet.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphmeet.config.ConfigLoader;
import io.graphmeet.store.Database;
import io.graphmeet.testing.Backend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Keeps the schema distributable by tenant (docs/reliability.md, "Past one primary"): on both backends, after
 * every migration, each unique key of a per-tenant table leads with {@code tenant_id} (Citus needs the
 * distribution column in every unique key), and every statement of the stores filters by tenant first, so
 * each would run on one shard.
 */
class TenantDistributionTest {

    /**
     * Tables that are not per tenant: reference tables on a sharded PostgreSQL. Throttling counts are not, as
     * Graph's per-app limit spans tenants.
     */
    /** Tables not per tenant, and PostgreSQL's catalog (read by {@code store.FirstAnalysis}). */
    private static final Set<String> GLOBAL_TABLES =
            Set.of("schema_migrations", "issuer_keys", "throttle_counts", "pg_class");
    /** The tenants table is keyed by the tenant's id itself, its distribution column. */
    private static final String TENANTS = "tenants";

    private static final Pattern WHERE = Pattern.compile("(FROM|UPDATE)\\s+(\\w+)[^\"]*?WHERE\\s+(\\w+)");
    /** A WHERE clause kept apart from its statement, as JdbcMeetingStore keeps its lookups. */
    private static final Pattern WHERE_FRAGMENT = Pattern.compile("\"WHERE\\s+(\\w+)");

    @ParameterizedTest
    @EnumSource(Backend.class)
    void everyUniqueKeyOfAPerTenantTableLeadsWithTheTenant(Backend backend, @TempDir Path scratch) throws Exception {
        Map<String, String> storage = backend.newStorage(scratch);
        List<String> keys;
        try (Database database = Database.open(ConfigLoader.load(null, storage).storage());
                Connection connection = connect(backend, storage)) {
            keys = backend == Backend.POSTGRES ? postgresUniqueKeys(connection) : sqliteUniqueKeys(connection);
        }

        assertThat(keys).anyMatch(key -> key.startsWith("meetings(tenant_id,id)"));
        assertThat(keys)
                .filteredOn(key -> !GLOBAL_TABLES.contains(key.substring(0, key.indexOf('('))))
                .allSatisfy(key -> assertThat(key)
                        .matches(
                                k -> k.startsWith(TENANTS + "(id)") || k.matches("\\w+\\(tenant_id(,.*)?\\)"),
                                "leads with tenant_id"));
    }

    @Test
    void everyStatementOfTheStoresFiltersByTenantFirst() throws IOException {
        List<String> statements = new ArrayList<>();
        try (Stream<Path> sources = Files.list(Path.of("src/main/java/io/graphmeet/store"))) {
            for (Path source : sources.toList()) {
                String code = Files.readString(source).replaceAll("\"\\s*\\+\\s*\"", "");
                Matcher matcher = WHERE.matcher(code);
                while (matcher.find()) {
                    statements.add(matcher.group(2) + " WHERE " + matcher.group(3));
                }
                Matcher fragment = WHERE_FRAGMENT.matcher(code);
                while (fragment.find()) {
                    statements.add("(fragment) WHERE " + fragment.group(1));
                }
            }
        }

        assertThat(statements).hasSizeGreaterThan(20).contains("(fragment) WHERE tenant_id");
        assertThat(statements)
                .filteredOn(statement -> !GLOBAL_TABLES.contains(statement.split(" ")[0]))
                .allSatisfy(statement -> assertThat(statement)
                        .matches(
                                s -> s.endsWith("WHERE tenant_id") || s.equals(TENANTS + " WHERE id"),
                                "filters by tenant first"));
    }

    private static Connection connect(Backend backend, Map<String, String> storage) throws SQLException {
        return backend == Backend.POSTGRES
                ? DriverManager.getConnection(storage.get("GRAPHMEET_STORAGE_POSTGRES_URL"), "postgres", "")
                : DriverManager.getConnection("jdbc:sqlite:"
                        + Path.of(storage.get("GRAPHMEET_STORAGE_DATA_DIR")).resolve(Database.EMBEDDED_FILE));
    }

    /** "table(column,column)" for every unique index and primary key. */
    private static List<String> postgresUniqueKeys(Connection connection) throws SQLException {
        List<String> keys = new ArrayList<>();
        try (ResultSet rows = connection.createStatement().executeQuery("""
                SELECT t.relname, string_agg(a.attname, ',' ORDER BY k.ord)
                FROM pg_index x
                JOIN pg_class t ON t.oid = x.indrelid
                JOIN pg_namespace n ON n.oid = t.relnamespace
                CROSS JOIN LATERAL unnest(x.indkey) WITH ORDINALITY AS k(attnum, ord)
                JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
                WHERE x.indisunique AND n.nspname = current_schema()
                GROUP BY t.relname, x.indexrelid""")) {
            while (rows.next()) {
                keys.add(rows.getString(1) + "(" + rows.getString(2) + ")");
            }
        }
        return keys;
    }

    private static List<String> sqliteUniqueKeys(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rows = connection
                .createStatement()
                .executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        List<String> keys = new ArrayList<>();
        for (String table : tables) {
            List<String> indexes = new ArrayList<>();
            try (ResultSet rows = connection.createStatement().executeQuery("PRAGMA index_list(" + table + ")")) {
                while (rows.next()) {
                    if (rows.getInt("unique") == 1) {
                        indexes.add(rows.getString("name"));
                    }
                }
            }
            for (String index : indexes) {
                List<String> columns = new ArrayList<>();
                try (ResultSet rows = connection.createStatement().executeQuery("PRAGMA index_info(" + index + ")")) {
                    while (rows.next()) {
                        columns.add(rows.getString("name"));
                    }
                }
                keys.add(table + "(" + String.join(",", columns) + ")");
            }
        }
        return keys;
    }
}
