package io.graphmeet.meetings;

import java.util.Objects;

/** A directory user as a meeting shows them; {@code upn} and {@code displayName} may be null. */
public record Person(String id, String tenantId, String upn, String displayName) {

    public Person {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
    }
}
