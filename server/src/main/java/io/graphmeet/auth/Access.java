package io.graphmeet.auth;

import java.util.List;

/** The kind of access an operation needs, with the Graph permissions that grant it. */
public enum Access {
    READ(List.of("OnlineMeetings.Read", "OnlineMeetings.ReadWrite"),
            List.of("OnlineMeetings.Read.All", "OnlineMeetings.ReadWrite.All")),
    WRITE(List.of("OnlineMeetings.ReadWrite"), List.of("OnlineMeetings.ReadWrite.All"));

    private final List<String> delegated;
    private final List<String> application;

    Access(List<String> delegated, List<String> application) {
        this.delegated = delegated;
        this.application = application;
    }

    boolean grantedTo(Caller caller) {
        return switch (caller) {
            case Caller.Delegated d -> delegated.stream().anyMatch(d.scopes()::contains);
            case Caller.Application a -> application.stream().anyMatch(a.roles()::contains);
        };
    }

    String missingPermissionMessage(Caller caller) {
        List<String> needed = caller instanceof Caller.Delegated ? delegated : application;
        String kind = caller instanceof Caller.Delegated ? "delegated" : "application";
        return "Missing " + kind + " permission: the token needs one of " + String.join(", ", needed) + ".";
    }
}
