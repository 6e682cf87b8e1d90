/**
 * The online-meetings domain: Graph's createOrGet rules, defaults, validation and identifiers.
 * Entry point: {@link io.graphmeet.meetings.MeetingService}; storage port: {@link io.graphmeet.meetings.MeetingStore}.
 * Free of HTTP, JSON, SQL and JWT.
 */
package io.graphmeet.meetings;
