package io.graphmeet.meetings;

import java.util.Objects;

/** The identity of a meeting made by createOrGet: tenant, organizer and the caller's external id. */
public record MeetingKey(String tenantId, String organizerId, String externalId) {

    public MeetingKey {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(organizerId, "organizerId");
        Objects.requireNonNull(externalId, "externalId");
    }
}
