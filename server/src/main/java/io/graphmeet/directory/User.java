package io.graphmeet.directory;

import java.util.Objects;

/** A known user of a tenant; {@code upn} and {@code displayName} may be null. */
public record User(String tenantId, String id, String upn, String displayName) {

    public User {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(id, "id");
    }
}
