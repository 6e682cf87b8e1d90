package io.graphmeet.auth;

import io.graphmeet.directory.Directory;
import io.graphmeet.errors.GraphError;
import io.graphmeet.errors.GraphException;
import io.graphmeet.meetings.Organizer;
import java.util.Locale;

/**
 * Decides whether a caller may act on a user's meetings: route kind, permission, user resolution and
 * application access policy, in that order.
 */
public final class Authorizer {

    private final Directory directory;
    private final boolean strictDirectory;

    /**
     * @param strictDirectory when true, only users known to the directory, in a known tenant, may own meetings,
     *     whether named by the path or by the token ({@code /me}); otherwise any user whose id is a GUID may
     */
    public Authorizer(Directory directory, boolean strictDirectory) {
        this.directory = directory;
        this.strictDirectory = strictDirectory;
    }

    /** The organizer the caller may act for, or a Graph error saying why not. */
    public Organizer authorize(Caller caller, Target target, Access access) {
        if (target instanceof Target.Me && caller instanceof Caller.Application) {
            throw GraphError.BAD_REQUEST.with("/me request is only valid with delegated authentication flow.");
        }
        if (!access.grantedTo(caller)) {
            throw GraphError.FORBIDDEN.with(access.missingPermissionMessage(caller));
        }
        String userId = switch (target) {
            case Target.Me me -> resolveUser(caller.tenantId(), ((Caller.Delegated) caller).userId());
            case Target.User user -> resolveUser(caller.tenantId(), user.idOrUpn());
        };
        switch (caller) {
            case Caller.Delegated delegated when !delegated.userId().equalsIgnoreCase(userId) ->
                    throw GraphError.FORBIDDEN.with(
                            "A delegated token can only act for its own user; use /me or the signed-in user's id.");
            case Caller.Application app when !mayAct(app, userId) ->
                    throw GraphError.FORBIDDEN.with("No application access policy found for this app");
            default -> {
                // allowed
            }
        }
        return new Organizer(caller.tenantId(), userId);
    }

    private boolean mayAct(Caller.Application app, String userId) {
        return app.appId() != null && directory.appMayActFor(app.tenantId(), app.appId(), userId);
    }

    /** The user's object id in lower case: a known user's, or (unless the directory is strict) any GUID. */
    private String resolveUser(String tenantId, String idOrUpn) {
        String guid = Guids.normalised(idOrUpn);
        if (strictDirectory && directory.store().tenant(tenantId).isEmpty()) {
            throw notFound(tenantId, idOrUpn);
        }
        var known = directory.findUser(tenantId, guid != null ? guid : idOrUpn);
        if (known.isPresent()) {
            return known.get().id().toLowerCase(Locale.ROOT);
        }
        if (strictDirectory || guid == null) {
            throw notFound(tenantId, idOrUpn);
        }
        return guid;
    }

    private static GraphException notFound(String tenantId, String idOrUpn) {
        return new GraphException(GraphError.NOT_FOUND,
                "User '" + idOrUpn + "' was not found in tenant " + tenantId + ".");
    }
}
