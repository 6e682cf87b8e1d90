package io.graphmeet.auth;

import io.graphmeet.directory.App;
import io.graphmeet.directory.Directory;
import io.graphmeet.directory.PolicyGrant;
import io.graphmeet.errors.GraphError;
import io.graphmeet.errors.GraphException;
import io.graphmeet.meetings.Organizer;
import java.util.Locale;
import java.util.Set;

/**
 * Decides whether a caller may act on a user's meetings: route kind, permission, user resolution and
 * application access policy, in that order; and {@linkplain #explain explains} that decision for an app in words.
 */
public final class Authorizer {

    /** Graph's words when no policy lets the app act for the user. */
    private static final String NO_POLICY = "No application access policy found for this app";

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
            case Caller.Delegated delegated
            when !delegated.userId().equalsIgnoreCase(userId) ->
                throw GraphError.FORBIDDEN.with(
                        "A delegated token can only act for its own user; use /me or the signed-in user's id.");
            case Caller.Application app when !mayAct(app, userId) -> throw GraphError.FORBIDDEN.with(NO_POLICY);
            default -> {
                // allowed
            }
        }
        return new Organizer(caller.tenantId(), userId);
    }

    /**
     * Why {@link #authorize} would allow or refuse app {@code appId} of {@code tenantId}, holding an application token
     * of graphmeet's issuer (whose {@code roles} are the app's permissions), acting for user {@code idOrUpn} in
     * {@code operation}, which needs {@code access}: the same checks, each one's finding in words, and the answer
     * Graph gives.
     */
    public Explanation explain(String tenantId, String appId, String idOrUpn, String operation, Access access) {
        App app = directory.store().app(tenantId, appId).orElse(null);
        Caller.Application caller = new Caller.Application(tenantId, appId, app == null ? Set.of() : app.permissions());
        String permission = access.grantingPermission(caller).orElse(null);
        String permissionWords = permissionWords(app, appId, tenantId, permission, operation, access);
        String userId;
        try {
            userId = resolveUser(tenantId, idOrUpn);
        } catch (GraphException notFound) {
            String refusal = permission == null
                    ? " Denied with 403 Forbidden, as Graph checks the permission first."
                    : " Denied with 404 Not Found: " + notFound.getMessage()
                            + (strictDirectory ? " (directory.strict is on)" : "");
            return new Explanation(false, permission, null, permissionWords + refusal);
        }
        PolicyGrant grant = directory.decidingGrant(tenantId, userId).orElse(null);
        boolean listed = mayAct(caller, userId);
        String policyWords = policyWords(grant, listed, appId, userId);
        if (permission == null) {
            return new Explanation(
                    false,
                    null,
                    grant,
                    permissionWords + " Denied with 403 Forbidden, as Graph checks "
                            + "the permission before the policy. " + policyWords);
        }
        return new Explanation(
                listed,
                permission,
                grant,
                permissionWords + " " + policyWords
                        + (listed ? " Allowed." : " Denied with 403 Forbidden: \"" + NO_POLICY + "\"."));
    }

    private static String permissionWords(
            App app, String appId, String tenantId, String permission, String operation, Access access) {
        String needed = String.join(" or ", access.applicationPermissions());
        if (app == null) {
            return "App " + appId + " is not registered in tenant " + tenantId + ", so graphmeet's issuer gives it no "
                    + "token and it holds no permission; " + operation + " needs " + needed + ".";
        }
        if (permission == null) {
            String held = app.permissions().isEmpty()
                    ? "none"
                    : String.join(", ", app.permissions().stream().sorted().toList());
            return "The app's token would carry no permission " + operation + " needs (" + needed + "); the app holds: "
                    + held + ".";
        }
        return "The app's token would carry " + permission + ", which " + operation + " needs.";
    }

    private static String policyWords(PolicyGrant grant, boolean listed, String appId, String userId) {
        if (grant == null) {
            return "No access policy is granted to user " + userId + " nor tenant-wide, so the app may act for no one.";
        }
        String granted = grant.global()
                ? "granted tenant-wide (user " + userId + " has no grant of their own)"
                : "granted to user " + userId + " (a user's own grant wins over the tenant-wide one)";
        return "Policy '" + grant.policyName() + "', " + granted + ", " + (listed ? "lists" : "does not list") + " app "
                + appId + ".";
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
        return new GraphException(
                GraphError.NOT_FOUND, "User '" + idOrUpn + "' was not found in tenant " + tenantId + ".");
    }
}
