package io.graphmeet.directory;

import java.util.Objects;

/** An Entra-like tenant: the unit of isolation. */
public record Tenant(String id, String displayName) {

    public Tenant {
        Objects.requireNonNull(id, "id");
    }
}
