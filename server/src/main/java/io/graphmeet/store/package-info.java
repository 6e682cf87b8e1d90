/**
 * Persistence: one JDBC implementation of the meeting, directory and signing-key stores over the embedded SQLite
 * file or PostgreSQL, numbered migrations, and group commit for writes. Entry point:
 * {@link io.graphmeet.store.Database#open}. The caches on the createOrGet path are explained in this folder's
 * {@code README.md}.
 */
package io.graphmeet.store;
