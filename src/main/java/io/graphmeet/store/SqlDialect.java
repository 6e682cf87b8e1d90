package io.graphmeet.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** What differs between the databases graphmeet runs on; the SQL of the stores is shared. */
public enum SqlDialect {
    SQLITE {
        @Override
        void lockForMigration(Connection connection) {
            // one writer connection per node, and one node per SQLite file: nothing else can migrate
        }

        @Override
        int writerThreads(int poolSize) {
            return 1;
        }

        @Override
        boolean writtenByThisProcessOnly() {
            return true;
        }

        @Override
        void announceDirectoryChange(Connection connection) {
            // one process per SQLite file: CachedDirectoryStore sees every write itself
        }
    },
    POSTGRES {
        @Override
        void lockForMigration(Connection connection) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_advisory_xact_lock(7231106)");
            }
        }

        @Override
        int writerThreads(int poolSize) {
            return Math.max(1, poolSize / 2);
        }

        @Override
        boolean writtenByThisProcessOnly() {
            return false;
        }

        @Override
        void announceDirectoryChange(Connection connection) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.execute("NOTIFY " + PostgresDirectoryRevision.CHANNEL);
            }
        }
    };

    /** Keeps nodes starting at once from applying the same migration twice; held until commit. */
    abstract void lockForMigration(Connection connection) throws SQLException;

    /** How many transactions may write at once. */
    abstract int writerThreads(int poolSize);

    /** Whether only this process writes the database, so what it remembers of it can be kept exact. */
    abstract boolean writtenByThisProcessOnly();

    /** Lets every node know, once the transaction commits, that the directory changed. */
    abstract void announceDirectoryChange(Connection connection) throws SQLException;
}
