package io.graphmeet.meetings;

import java.util.Objects;

/**
 * The user a request acts as, after authorization, and whether that user signed in themselves
 * ({@code delegated}) rather than an application acting for them.
 */
public record Requester(String tenantId, String userId, boolean delegated) {

    public Requester {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(userId, "userId");
    }
}
