package io.graphmeet.store;

import io.graphmeet.config.GraphmeetConfig.StorageKind;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Supplier;

/**
 * What differs between the databases behind each {@link StorageKind}; the SQL of the stores is shared. The
 * choice of database is the configuration's {@link StorageKind}: this is only what the store needs to know of it.
 */
enum SqlDialect {
    SQLITE {
        @Override
        void lockForMigration(Connection connection) {
            // one writer connection per node, and one node per SQLite file: nothing else can migrate
        }

        @Override
        void allowLongStatements(Connection connection) {
            // SQLite has no network timeout
        }

        @Override
        DirectoryRevision directoryRevision(Supplier<Connection> connections) {
            return DirectoryRevision.local();
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

        /** In process, no round trips to save: one kept statement run per row is the cheapest. */
        @Override
        boolean[] insertUnlessTaken(Connection connection, RowInsert insert, List<Object[]> rows) throws SQLException {
            return Sql.insertEach(connection, insert.oneRow(), rows);
        }

        /**
         * SQLite plans a statement when it is prepared, and prefers an index whose every column an equality
         * matches whether or not it has statistics.
         */
        @Override
        Runnable onMeetingStored(Supplier<Connection> connections) {
            return () -> {};
        }
    },
    POSTGRES {
        @Override
        void lockForMigration(Connection connection) throws SQLException {
            Sql.first(connection, "SELECT pg_advisory_xact_lock(7231106)", row -> Boolean.TRUE);
        }

        @Override
        void allowLongStatements(Connection connection) throws SQLException {
            connection.setNetworkTimeout(Runnable::run, 0);
        }

        @Override
        DirectoryRevision directoryRevision(Supplier<Connection> connections) {
            return new PostgresDirectoryRevision(connections);
        }

        /**
         * Half the pool, at most one per core: a writer more than the cores only splits the waiting writes into
         * smaller batches (more commits to flush), and holds a connection the reads of createOrGet then wait for.
         */
        @Override
        int writerThreads(int poolSize) {
            return Math.max(1, Math.min(poolSize / 2, Runtime.getRuntime().availableProcessors()));
        }

        @Override
        boolean writtenByThisProcessOnly() {
            return false;
        }

        @Override
        void announceDirectoryChange(Connection connection) throws SQLException {
            Sql.update(connection, "NOTIFY " + PostgresDirectoryRevision.CHANNEL);
        }

        /**
         * One statement for any number of rows, so one server-side plan, and one round trip that also says which
         * rows were inserted (a JDBC batch rewritten into one multi-row insert by pgjdbc's
         * {@code reWriteBatchedInserts} reports only "success, no count" per row, which cannot tell a stored
         * meeting from one that lost its key).
         */
        @Override
        boolean[] insertUnlessTaken(Connection connection, RowInsert insert, List<Object[]> rows) throws SQLException {
            return Sql.insertUnnested(connection, insert.unnested(), insert.arrayTypes(), insert.keyColumns(), rows);
        }

        @Override
        Runnable onMeetingStored(Supplier<Connection> connections) {
            return new FirstAnalysis(connections)::meetingStored;
        }
    };

    static SqlDialect of(StorageKind kind) {
        return switch (kind) {
            case EMBEDDED -> SQLITE;
            case POSTGRES -> POSTGRES;
        };
    }

    /** Keeps nodes starting at once from applying the same migration twice; held until commit. */
    abstract void lockForMigration(Connection connection) throws SQLException;

    /** Lifts the per-statement network timeout: a migration may run longer than a request may wait. */
    abstract void allowLongStatements(Connection connection) throws SQLException;

    /** How this node learns that the directory changed, on this node or another sharing the database. */
    abstract DirectoryRevision directoryRevision(Supplier<Connection> connections);

    /** How many transactions may write at once. */
    abstract int writerThreads(int poolSize);

    /** Whether only this process writes the database, so what it remembers of it can be kept exact. */
    abstract boolean writtenByThisProcessOnly();

    /** Lets every node know, once the transaction commits, that the directory changed. */
    abstract void announceDirectoryChange(Connection connection) throws SQLException;

    /** Runs {@code insert} for every row, in one round trip where there are any; which rows it inserted, in order. */
    abstract boolean[] insertUnlessTaken(Connection connection, RowInsert insert, List<Object[]> rows)
            throws SQLException;

    /** What to do after each meeting this node stores: keeping the planner's view of the table true. */
    abstract Runnable onMeetingStored(Supplier<Connection> connections);
}
