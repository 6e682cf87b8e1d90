package io.graphmeet.meetings;

import java.util.Objects;

/** The user a meeting is organised for, as the authorised caller resolved it. */
public record Organizer(String tenantId, String userId) {

    public Organizer {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(userId, "userId");
    }
}
