package io.graphmeet.store;

import io.graphmeet.directory.AccessPolicy;
import io.graphmeet.directory.App;
import io.graphmeet.directory.AppSecret;
import io.graphmeet.directory.DirectoryStore;
import io.graphmeet.directory.PolicyGrant;
import io.graphmeet.directory.Tenant;
import io.graphmeet.directory.User;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** {@link DirectoryStore} over JDBC; every write commits before it returns, so all nodes see it at once. */
final class JdbcDirectoryStore implements DirectoryStore {

    private static final String USER_COLUMNS = "SELECT tenant_id, id, upn, display_name FROM users ";
    private static final String APP_COLUMNS =
            "SELECT tenant_id, app_id, service_principal_id, display_name, permissions FROM apps ";
    /** Every table holding a tenant's directory entries, children before parents. */
    private static final List<String> TENANT_TABLES = List.of(
            "app_secrets",
            "apps",
            "user_passwords",
            "user_policy_grants",
            "tenant_policy_grants",
            "access_policy_apps",
            "access_policies",
            "users");

    private final Database database;

    JdbcDirectoryStore(Database database) {
        this.database = database;
    }

    @Override
    public void putTenant(Tenant tenant) {
        write(
                "INSERT INTO tenants (id, display_name) VALUES (?, ?) "
                        + "ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name",
                tenant.id(),
                tenant.displayName());
    }

    @Override
    public Optional<Tenant> tenant(String tenantId) {
        return database.read(connection -> Sql.first(
                connection,
                "SELECT id, display_name FROM tenants WHERE id = ?",
                JdbcDirectoryStore::tenantOf,
                tenantId));
    }

    @Override
    public List<Tenant> tenants() {
        return database.read(connection ->
                Sql.list(connection, "SELECT id, display_name FROM tenants ORDER BY id", JdbcDirectoryStore::tenantOf));
    }

    @Override
    public boolean deleteTenant(String tenantId) {
        return changing(connection -> {
            for (String table : TENANT_TABLES) {
                Sql.update(connection, "DELETE FROM " + table + " WHERE tenant_id = ?", tenantId);
            }
            return Sql.update(connection, "DELETE FROM tenants WHERE id = ?", tenantId) > 0;
        });
    }

    @Override
    public void putUser(User user) {
        write(
                "INSERT INTO users (tenant_id, id, upn, upn_lower, display_name) VALUES (?, ?, ?, ?, ?) "
                        + "ON CONFLICT (tenant_id, id) DO UPDATE SET upn = excluded.upn, "
                        + "upn_lower = excluded.upn_lower, display_name = excluded.display_name",
                user.tenantId(),
                user.id(),
                user.upn(),
                lower(user.upn()),
                user.displayName());
    }

    @Override
    public Optional<User> userById(String tenantId, String userId) {
        return database.read(connection -> Sql.first(
                connection,
                USER_COLUMNS + "WHERE tenant_id = ? AND id = ?",
                JdbcDirectoryStore::userOf,
                tenantId,
                userId));
    }

    @Override
    public Optional<User> userByUpn(String tenantId, String upn) {
        return database.read(connection -> Sql.first(
                connection,
                USER_COLUMNS + "WHERE tenant_id = ? AND upn_lower = ?",
                JdbcDirectoryStore::userOf,
                tenantId,
                lower(upn)));
    }

    @Override
    public List<User> users(String tenantId) {
        return database.read(connection -> Sql.list(
                connection, USER_COLUMNS + "WHERE tenant_id = ? ORDER BY id", JdbcDirectoryStore::userOf, tenantId));
    }

    @Override
    public boolean deleteUser(String tenantId, String userId) {
        return changing(connection -> {
            Sql.update(connection, "DELETE FROM user_passwords WHERE tenant_id = ? AND user_id = ?", tenantId, userId);
            Sql.update(
                    connection, "DELETE FROM user_policy_grants WHERE tenant_id = ? AND user_id = ?", tenantId, userId);
            return Sql.update(connection, "DELETE FROM users WHERE tenant_id = ? AND id = ?", tenantId, userId) > 0;
        });
    }

    @Override
    public void putPasswordHash(String tenantId, String userId, String passwordHash) {
        putUserValue("user_passwords", "password_hash", tenantId, userId, passwordHash);
    }

    @Override
    public Optional<String> passwordHash(String tenantId, String userId) {
        return database.read(connection -> Sql.first(
                connection,
                "SELECT password_hash FROM user_passwords WHERE tenant_id = ? AND user_id = ?",
                row -> row.getString(1),
                tenantId,
                userId));
    }

    @Override
    public void putApp(App app) {
        write(
                "INSERT INTO apps (tenant_id, app_id, service_principal_id, display_name, permissions) "
                        + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (tenant_id, app_id) DO UPDATE SET "
                        + "service_principal_id = excluded.service_principal_id, display_name = excluded.display_name, "
                        + "permissions = excluded.permissions",
                app.tenantId(),
                app.appId(),
                app.servicePrincipalId(),
                app.displayName(),
                String.join(" ", app.permissions().stream().sorted().toList()));
    }

    @Override
    public Optional<App> app(String tenantId, String appId) {
        return database.read(connection -> Sql.first(
                connection,
                APP_COLUMNS + "WHERE tenant_id = ? AND app_id = ?",
                JdbcDirectoryStore::appOf,
                tenantId,
                appId));
    }

    @Override
    public List<App> apps(String tenantId) {
        return database.read(connection -> Sql.list(
                connection, APP_COLUMNS + "WHERE tenant_id = ? ORDER BY app_id", JdbcDirectoryStore::appOf, tenantId));
    }

    @Override
    public boolean deleteApp(String tenantId, String appId) {
        return changing(connection -> {
            Sql.update(connection, "DELETE FROM app_secrets WHERE tenant_id = ? AND app_id = ?", tenantId, appId);
            return Sql.update(connection, "DELETE FROM apps WHERE tenant_id = ? AND app_id = ?", tenantId, appId) > 0;
        });
    }

    @Override
    public void putSecret(AppSecret secret) {
        write(
                "INSERT INTO app_secrets (tenant_id, app_id, secret_id, secret_hash, hint, created_at_ms) "
                        + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (tenant_id, app_id, secret_id) DO UPDATE SET "
                        + "secret_hash = excluded.secret_hash, hint = excluded.hint, created_at_ms = excluded.created_at_ms",
                secret.tenantId(),
                secret.appId(),
                secret.secretId(),
                secret.hash(),
                secret.hint(),
                secret.createdAt().toEpochMilli());
    }

    @Override
    public List<AppSecret> secrets(String tenantId, String appId) {
        return database.read(connection -> Sql.list(
                connection,
                "SELECT tenant_id, app_id, secret_id, secret_hash, hint, created_at_ms FROM app_secrets "
                        + "WHERE tenant_id = ? AND app_id = ? ORDER BY created_at_ms, secret_id",
                row -> new AppSecret(
                        row.getString(1),
                        row.getString(2),
                        row.getString(3),
                        row.getString(4),
                        row.getString(5),
                        Instant.ofEpochMilli(row.getLong(6))),
                tenantId,
                appId));
    }

    @Override
    public boolean deleteSecret(String tenantId, String appId, String secretId) {
        return changing(connection -> Sql.update(
                        connection,
                        "DELETE FROM app_secrets WHERE tenant_id = ? AND app_id = ? AND secret_id = ?",
                        tenantId,
                        appId,
                        secretId)
                > 0);
    }

    @Override
    public void putPolicy(AccessPolicy policy) {
        changing(connection -> {
            Sql.update(
                    connection,
                    "INSERT INTO access_policies (tenant_id, name) VALUES (?, ?) ON CONFLICT DO NOTHING",
                    policy.tenantId(),
                    policy.name());
            Sql.update(
                    connection,
                    "DELETE FROM access_policy_apps WHERE tenant_id = ? AND policy_name = ?",
                    policy.tenantId(),
                    policy.name());
            for (String appId : policy.appIds()) {
                Sql.update(
                        connection,
                        "INSERT INTO access_policy_apps (tenant_id, policy_name, app_id) VALUES (?, ?, ?)",
                        policy.tenantId(),
                        policy.name(),
                        appId);
            }
            return null;
        });
    }

    @Override
    public Optional<AccessPolicy> policy(String tenantId, String name) {
        return database.read(connection -> {
            if (Sql.first(
                            connection,
                            "SELECT 1 FROM access_policies WHERE tenant_id = ? AND name = ?",
                            row -> Boolean.TRUE,
                            tenantId,
                            name)
                    .isEmpty()) {
                return Optional.empty();
            }
            Set<String> appIds = new HashSet<>(Sql.list(
                    connection,
                    "SELECT app_id FROM access_policy_apps WHERE tenant_id = ? AND policy_name = ?",
                    row -> row.getString(1),
                    tenantId,
                    name));
            return Optional.of(new AccessPolicy(tenantId, name, appIds));
        });
    }

    @Override
    public List<AccessPolicy> policies(String tenantId) {
        return database.read(connection -> {
            Map<String, Set<String>> apps = new TreeMap<>();
            for (String name : Sql.list(
                    connection,
                    "SELECT name FROM access_policies WHERE tenant_id = ?",
                    row -> row.getString(1),
                    tenantId)) {
                apps.put(name, new HashSet<>());
            }
            Sql.list(
                    connection,
                    "SELECT policy_name, app_id FROM access_policy_apps WHERE tenant_id = ?",
                    row -> apps.computeIfAbsent(row.getString(1), name -> new HashSet<>())
                            .add(row.getString(2)),
                    tenantId);
            List<AccessPolicy> result = new ArrayList<>();
            apps.forEach((name, appIds) -> result.add(new AccessPolicy(tenantId, name, appIds)));
            return result;
        });
    }

    @Override
    public boolean deletePolicy(String tenantId, String name) {
        return changing(connection -> {
            Sql.update(
                    connection,
                    "DELETE FROM user_policy_grants WHERE tenant_id = ? AND policy_name = ?",
                    tenantId,
                    name);
            Sql.update(
                    connection,
                    "DELETE FROM tenant_policy_grants WHERE tenant_id = ? AND policy_name = ?",
                    tenantId,
                    name);
            Sql.update(
                    connection,
                    "DELETE FROM access_policy_apps WHERE tenant_id = ? AND policy_name = ?",
                    tenantId,
                    name);
            return Sql.update(
                            connection, "DELETE FROM access_policies WHERE tenant_id = ? AND name = ?", tenantId, name)
                    > 0;
        });
    }

    @Override
    public void grantToUser(String tenantId, String userId, String policyName) {
        putUserValue("user_policy_grants", "policy_name", tenantId, userId, policyName);
    }

    @Override
    public void grantGlobally(String tenantId, String policyName) {
        if (policyName == null) {
            write("DELETE FROM tenant_policy_grants WHERE tenant_id = ?", tenantId);
        } else {
            write(
                    "INSERT INTO tenant_policy_grants (tenant_id, policy_name) VALUES (?, ?) "
                            + "ON CONFLICT (tenant_id) DO UPDATE SET policy_name = excluded.policy_name",
                    tenantId,
                    policyName);
        }
    }

    @Override
    public Optional<String> userGrant(String tenantId, String userId) {
        return database.read(connection -> Sql.first(
                connection,
                "SELECT policy_name FROM user_policy_grants WHERE tenant_id = ? AND user_id = ?",
                row -> row.getString(1),
                tenantId,
                userId));
    }

    @Override
    public Optional<String> globalGrant(String tenantId) {
        return database.read(connection -> Sql.first(
                connection,
                "SELECT policy_name FROM tenant_policy_grants WHERE tenant_id = ?",
                row -> row.getString(1),
                tenantId));
    }

    @Override
    public List<PolicyGrant> grants(String tenantId) {
        return database.read(connection -> {
            List<PolicyGrant> result = new ArrayList<>(Sql.list(
                    connection,
                    "SELECT policy_name FROM tenant_policy_grants WHERE tenant_id = ?",
                    row -> new PolicyGrant(tenantId, null, row.getString(1)),
                    tenantId));
            result.addAll(Sql.list(
                    connection,
                    "SELECT user_id, policy_name FROM user_policy_grants WHERE tenant_id = ? ORDER BY user_id",
                    row -> new PolicyGrant(tenantId, row.getString(1), row.getString(2)),
                    tenantId));
            return result;
        });
    }

    /** Sets the one value a table keeps per user, or deletes the user's row when {@code value} is null. */
    private void putUserValue(String table, String column, String tenantId, String userId, String value) {
        if (value == null) {
            write("DELETE FROM " + table + " WHERE tenant_id = ? AND user_id = ?", tenantId, userId);
        } else {
            write(
                    "INSERT INTO " + table + " (tenant_id, user_id, " + column + ") VALUES (?, ?, ?) "
                            + "ON CONFLICT (tenant_id, user_id) DO UPDATE SET " + column + " = excluded." + column,
                    tenantId,
                    userId,
                    value);
        }
    }

    /** Runs a directory write; in the same transaction it tells other nodes that the directory changed. */
    private <T> T changing(SqlWork<T> work) {
        return database.write(connection -> {
            T result = work.run(connection);
            database.dialect().announceDirectoryChange(connection);
            return result;
        });
    }

    private void write(String sql, Object... parameters) {
        changing(connection -> Sql.update(connection, sql, parameters));
    }

    private static Tenant tenantOf(ResultSet row) throws SQLException {
        return new Tenant(row.getString(1), row.getString(2));
    }

    private static User userOf(ResultSet row) throws SQLException {
        return new User(row.getString(1), row.getString(2), row.getString(3), row.getString(4));
    }

    private static App appOf(ResultSet row) throws SQLException {
        String permissions = row.getString(5);
        return new App(
                row.getString(1),
                row.getString(2),
                row.getString(3),
                row.getString(4),
                permissions.isBlank() ? Set.of() : Set.copyOf(Arrays.asList(permissions.split(" "))));
    }

    private static String lower(String text) {
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }
}
