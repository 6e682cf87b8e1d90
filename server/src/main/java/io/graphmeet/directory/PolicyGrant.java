package io.graphmeet.directory;

import java.util.Objects;

/** An access policy granted to one user, or tenant-wide when {@code userId} is null. */
public record PolicyGrant(String tenantId, String userId, String policyName) {

    public PolicyGrant {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(policyName, "policyName");
    }

    public boolean global() {
        return userId == null;
    }
}
