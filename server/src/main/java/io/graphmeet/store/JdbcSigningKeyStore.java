package io.graphmeet.store;

import io.graphmeet.issuer.SigningKeyStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** {@link SigningKeyStore} over JDBC. */
final class JdbcSigningKeyStore implements SigningKeyStore {

    private final Database database;

    JdbcSigningKeyStore(Database database) {
        this.database = database;
    }

    @Override
    public List<StoredKey> keys() {
        return database.read(connection -> Sql.list(
                connection,
                "SELECT kid, private_jwk, created_at_ms, retire_at_ms FROM issuer_keys "
                        + "ORDER BY retire_at_ms IS NULL DESC, created_at_ms DESC, kid DESC",
                row -> {
                    long retireAt = row.getLong(4);
                    Instant retire = row.wasNull() ? null : Instant.ofEpochMilli(retireAt);
                    return new StoredKey(
                            row.getString(1), row.getString(2), Instant.ofEpochMilli(row.getLong(3)), retire);
                }));
    }

    @Override
    public boolean addFirst(StoredKey key) {
        return database.write(connection -> {
            if (Sql.first(connection, "SELECT 1 FROM issuer_keys WHERE retire_at_ms IS NULL", row -> true)
                    .isPresent()) {
                return false;
            }
            insert(connection, key);
            return true;
        });
    }

    @Override
    public void rotate(StoredKey key, Instant retireOthersAt, Instant now) {
        database.write(connection -> {
            Sql.update(connection, "DELETE FROM issuer_keys WHERE retire_at_ms < ?", now.toEpochMilli());
            Sql.update(
                    connection,
                    "UPDATE issuer_keys SET retire_at_ms = ? WHERE retire_at_ms IS NULL",
                    retireOthersAt.toEpochMilli());
            insert(connection, key);
            return null;
        });
    }

    private static void insert(Connection connection, StoredKey key) throws SQLException {
        Sql.update(
                connection,
                "INSERT INTO issuer_keys (kid, private_jwk, created_at_ms, retire_at_ms) VALUES (?, ?, ?, NULL)",
                key.kid(),
                key.privateJwk(),
                key.createdAt().toEpochMilli());
    }
}
