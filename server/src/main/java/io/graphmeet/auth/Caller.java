package io.graphmeet.auth;

import java.util.Objects;
import java.util.Set;

/** Who is calling, as a validated bearer token says. */
public sealed interface Caller {

    String tenantId();

    /** The calling app's client id, or null if the token names none. */
    String appId();

    /** A user signed in to an app: the token carries {@code scp}. */
    record Delegated(String tenantId, String userId, String appId, Set<String> scopes) implements Caller {
        public Delegated {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(userId, "userId");
            scopes = Set.copyOf(scopes);
        }
    }

    /** An app acting as itself: the token carries {@code roles} and no {@code scp}. */
    record Application(String tenantId, String appId, Set<String> roles) implements Caller {
        public Application {
            Objects.requireNonNull(tenantId, "tenantId");
            roles = Set.copyOf(roles);
        }
    }
}
