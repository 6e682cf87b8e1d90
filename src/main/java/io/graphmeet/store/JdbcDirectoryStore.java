package io.graphmeet.store;

import io.graphmeet.directory.AccessPolicy;
import io.graphmeet.directory.DirectoryStore;
import io.graphmeet.directory.Tenant;
import io.graphmeet.directory.User;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** {@link DirectoryStore} over JDBC; every write commits before it returns, so all nodes see it at once. */
final class JdbcDirectoryStore implements DirectoryStore {

    private final Database database;

    JdbcDirectoryStore(Database database) {
        this.database = database;
    }

    /** Runs a directory write and, in the same transaction, tells other nodes the directory changed. */
    private void write(SqlWork<?> work) {
        database.write(connection -> {
            work.run(connection);
            database.dialect().announceDirectoryChange(connection);
            return null;
        });
    }

    @Override
    public void putTenant(Tenant tenant) {
        write(connection -> update(connection,
                "INSERT INTO tenants (id, display_name) VALUES (?, ?) "
                        + "ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name",
                tenant.id(), tenant.displayName()));
    }

    @Override
    public Optional<Tenant> tenant(String tenantId) {
        return database.read(connection -> {
            try (PreparedStatement query = prepare(connection,
                    "SELECT id, display_name FROM tenants WHERE id = ?", tenantId);
                    ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(new Tenant(rows.getString(1), rows.getString(2))) : Optional.empty();
            }
        });
    }

    @Override
    public void putUser(User user) {
        write(connection -> update(connection,
                "INSERT INTO users (tenant_id, id, upn, upn_lower, display_name) VALUES (?, ?, ?, ?, ?) "
                        + "ON CONFLICT (tenant_id, id) DO UPDATE SET upn = excluded.upn, "
                        + "upn_lower = excluded.upn_lower, display_name = excluded.display_name",
                user.tenantId(), user.id(), user.upn(), lower(user.upn()), user.displayName()));
    }

    @Override
    public Optional<User> userById(String tenantId, String userId) {
        return findUser("SELECT tenant_id, id, upn, display_name FROM users WHERE tenant_id = ? AND id = ?",
                tenantId, userId);
    }

    @Override
    public Optional<User> userByUpn(String tenantId, String upn) {
        return findUser("SELECT tenant_id, id, upn, display_name FROM users WHERE tenant_id = ? AND upn_lower = ?",
                tenantId, lower(upn));
    }

    private Optional<User> findUser(String sql, String tenantId, String value) {
        return database.read(connection -> {
            try (PreparedStatement query = prepare(connection, sql, tenantId, value);
                    ResultSet rows = query.executeQuery()) {
                return rows.next()
                        ? Optional.of(new User(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4)))
                        : Optional.empty();
            }
        });
    }

    @Override
    public void putPolicy(AccessPolicy policy) {
        write(connection -> {
            update(connection, "INSERT INTO access_policies (tenant_id, name) VALUES (?, ?) ON CONFLICT DO NOTHING",
                    policy.tenantId(), policy.name());
            update(connection, "DELETE FROM access_policy_apps WHERE tenant_id = ? AND policy_name = ?",
                    policy.tenantId(), policy.name());
            for (String appId : policy.appIds()) {
                update(connection, "INSERT INTO access_policy_apps (tenant_id, policy_name, app_id) VALUES (?, ?, ?)",
                        policy.tenantId(), policy.name(), appId);
            }
            return null;
        });
    }

    @Override
    public Optional<AccessPolicy> policy(String tenantId, String name) {
        return database.read(connection -> {
            try (PreparedStatement exists = prepare(connection,
                    "SELECT 1 FROM access_policies WHERE tenant_id = ? AND name = ?", tenantId, name);
                    ResultSet found = exists.executeQuery()) {
                if (!found.next()) {
                    return Optional.empty();
                }
            }
            Set<String> appIds = new HashSet<>();
            try (PreparedStatement apps = prepare(connection,
                    "SELECT app_id FROM access_policy_apps WHERE tenant_id = ? AND policy_name = ?", tenantId, name);
                    ResultSet rows = apps.executeQuery()) {
                while (rows.next()) {
                    appIds.add(rows.getString(1));
                }
            }
            return Optional.of(new AccessPolicy(tenantId, name, appIds));
        });
    }

    @Override
    public void grantToUser(String tenantId, String userId, String policyName) {
        write(connection -> policyName == null
                ? update(connection, "DELETE FROM user_policy_grants WHERE tenant_id = ? AND user_id = ?",
                        tenantId, userId)
                : update(connection, "INSERT INTO user_policy_grants (tenant_id, user_id, policy_name) VALUES (?, ?, ?) "
                        + "ON CONFLICT (tenant_id, user_id) DO UPDATE SET policy_name = excluded.policy_name",
                        tenantId, userId, policyName));
    }

    @Override
    public void grantGlobally(String tenantId, String policyName) {
        write(connection -> policyName == null
                ? update(connection, "DELETE FROM tenant_policy_grants WHERE tenant_id = ?", tenantId)
                : update(connection, "INSERT INTO tenant_policy_grants (tenant_id, policy_name) VALUES (?, ?) "
                        + "ON CONFLICT (tenant_id) DO UPDATE SET policy_name = excluded.policy_name",
                        tenantId, policyName));
    }

    @Override
    public Optional<String> userGrant(String tenantId, String userId) {
        return single("SELECT policy_name FROM user_policy_grants WHERE tenant_id = ? AND user_id = ?",
                tenantId, userId);
    }

    @Override
    public Optional<String> globalGrant(String tenantId) {
        return single("SELECT policy_name FROM tenant_policy_grants WHERE tenant_id = ?", tenantId);
    }

    private Optional<String> single(String sql, String... parameters) {
        return database.read(connection -> {
            try (PreparedStatement query = prepare(connection, sql, parameters);
                    ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.empty();
            }
        });
    }

    private static Integer update(Connection connection, String sql, String... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, String... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setString(i + 1, parameters[i]);
        }
        return statement;
    }

    private static String lower(String text) {
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }
}
