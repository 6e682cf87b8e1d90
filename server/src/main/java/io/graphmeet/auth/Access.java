package io.graphmeet.auth;

import java.util.List;
import java.util.Optional;

/** The kind of access an operation needs, with the Graph permissions that grant it. */
public enum Access {
    READ(
            List.of("OnlineMeetings.Read", "OnlineMeetings.ReadWrite"),
            List.of("OnlineMeetings.Read.All", "OnlineMeetings.ReadWrite.All")),
    WRITE(List.of("OnlineMeetings.ReadWrite"), List.of("OnlineMeetings.ReadWrite.All"));

    private final List<String> delegated;
    private final List<String> application;

    Access(List<String> delegated, List<String> application) {
        this.delegated = delegated;
        this.application = application;
    }

    /**
     * The access Graph's operation named {@code label} needs: {@code createOrGet}, {@code create}, {@code update} and
     * {@code delete} write, {@code get} and {@code list} read; empty for any other name.
     */
    public static Optional<Access> forOperation(String label) {
        return switch (label) {
            case "createOrGet", "create", "update", "delete" -> Optional.of(WRITE);
            case "get", "list" -> Optional.of(READ);
            default -> Optional.empty();
        };
    }

    boolean grantedTo(Caller caller) {
        return grantingPermission(caller).isPresent();
    }

    /** The first permission the caller's token carries that grants this access, if any. */
    Optional<String> grantingPermission(Caller caller) {
        return switch (caller) {
            case Caller.Delegated d ->
                delegated.stream().filter(d.scopes()::contains).findFirst();
            case Caller.Application a ->
                application.stream().filter(a.roles()::contains).findFirst();
        };
    }

    /** The application permissions of which a token must carry one. */
    List<String> applicationPermissions() {
        return application;
    }

    String missingPermissionMessage(Caller caller) {
        List<String> needed = caller instanceof Caller.Delegated ? delegated : application;
        String kind = caller instanceof Caller.Delegated ? "delegated" : "application";
        return "Missing " + kind + " permission: the token needs one of " + String.join(", ", needed) + ".";
    }
}
