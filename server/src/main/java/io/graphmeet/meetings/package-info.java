/**
 * The online-meetings domain: Graph's rules for createOrGet, create, reads, updates, deletes and a meeting's
 * lifetime, with defaults, validation and identifiers.
 * Entry point: {@link io.graphmeet.meetings.MeetingService}; storage port: {@link io.graphmeet.meetings.MeetingStore}.
 * Free of HTTP, JSON, SQL and JWT.
 */
package io.graphmeet.meetings;
