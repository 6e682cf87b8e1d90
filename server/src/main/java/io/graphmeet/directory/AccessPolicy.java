package io.graphmeet.directory;

import java.util.Objects;
import java.util.Set;

/**
 * A Teams application access policy: a named list of app (client) ids that may act for the users the
 * policy is granted to.
 */
public record AccessPolicy(String tenantId, String name, Set<String> appIds) {

    public AccessPolicy {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(name, "name");
        appIds = Set.copyOf(appIds);
    }

    public boolean lists(String appId) {
        return appIds.contains(appId);
    }
}
