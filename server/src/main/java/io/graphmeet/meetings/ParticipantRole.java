package io.graphmeet.meetings;

/** Graph's onlineMeetingRole; members after {@code UNKNOWN_FUTURE_VALUE} are evolvable. */
public enum ParticipantRole {
    ATTENDEE,
    PRESENTER,
    UNKNOWN_FUTURE_VALUE,
    PRODUCER,
    COORGANIZER
}
