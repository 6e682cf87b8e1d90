/**
 * The request journal: the last Graph requests of each tenant, kept in memory on each node for tests and
 * inspection. {@link io.graphmeet.journal.RequestJournal} is the entry point; the Graph edge appends, the admin API
 * reads and clears.
 */
package io.graphmeet.journal;
