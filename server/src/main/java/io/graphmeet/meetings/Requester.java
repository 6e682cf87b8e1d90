package io.graphmeet.meetings;

import java.util.Objects;

/** The user a request acts as, after authorization: signed in themselves, or acted for by an application. */
public record Requester(String tenantId, String userId) {

    public Requester {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(userId, "userId");
    }
}
