package io.graphmeet.meetings;

/** What createOrGet did: made a new meeting, or found the one that holds the key. */
public sealed interface CreateOrGetOutcome {

    Meeting meeting();

    /** A new meeting, durably stored. */
    record Created(Meeting meeting) implements CreateOrGetOutcome {}

    /** The meeting that already held the key, unchanged. */
    record Existing(Meeting meeting) implements CreateOrGetOutcome {}
}
