package io.graphmeet.meetings;

import java.util.Objects;

/** An invited participant and their role. */
public record Attendee(Person person, ParticipantRole role) {

    public Attendee {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(role, "role");
    }
}
