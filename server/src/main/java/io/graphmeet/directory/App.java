package io.graphmeet.directory;

import java.util.Objects;
import java.util.Set;

/**
 * An app registration of a tenant: its client id, the object id of its service principal (the {@code oid} of
 * its application tokens) and the application permissions granted to it (the {@code roles} of those tokens).
 */
public record App(
        String tenantId, String appId, String servicePrincipalId, String displayName, Set<String> permissions) {

    public App {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(servicePrincipalId, "servicePrincipalId");
        permissions = Set.copyOf(permissions);
    }
}
