/**
 * Persistence: one JDBC implementation of the meeting and directory stores over the embedded SQLite file
 * or PostgreSQL ({@link io.graphmeet.store.SqlDialect}), numbered migrations, and group commit for writes.
 * Entry point: {@link io.graphmeet.store.Database#open}.
 */
package io.graphmeet.store;
