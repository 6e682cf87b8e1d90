package io.graphmeet.meetings;

/** An attendee as a caller names them: a user id, optionally a UPN and a role (null = attendee). */
public record AttendeeRequest(String userId, String upn, ParticipantRole role) {}
