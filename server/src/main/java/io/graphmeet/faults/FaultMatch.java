package io.graphmeet.faults;

import io.graphmeet.observe.GraphOperation;

/**
 * Which requests a rule applies to; a null field matches anything. {@code userId} is the user whose meetings the
 * request addresses (the caller for {@code /me}, the path's user for {@code /users/{id}}).
 */
public record FaultMatch(GraphOperation operation, String tenantId, String appId, String userId) {

    /** Matches every Graph request. */
    public static final FaultMatch ANY = new FaultMatch(null, null, null, null);

    public FaultMatch {
        if (operation == GraphOperation.UNMATCHED) {
            throw new InvalidFaultRuleException("Property 'match.operation' must name a Graph operation.");
        }
        requireNotBlank(tenantId, "tenantId");
        requireNotBlank(appId, "appId");
        requireNotBlank(userId, "userId");
    }

    private static void requireNotBlank(String id, String name) {
        if (id != null && id.isBlank()) {
            throw new InvalidFaultRuleException(
                    "Property 'match." + name + "' must not be blank; leave it out to match any.");
        }
    }

    boolean matches(FaultTarget target) {
        return (operation == null || operation == target.operation())
                && same(tenantId, target.tenantId())
                && same(appId, target.appId())
                && same(userId, target.userId());
    }

    private static boolean same(String wanted, String actual) {
        return wanted == null || wanted.equalsIgnoreCase(actual);
    }
}
