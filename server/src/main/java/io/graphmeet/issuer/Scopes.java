package io.graphmeet.issuer;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code scope} parameter of a token request, read as Entra reads it: OpenID scopes ({@code openid profile
 * offline_access email}), Graph's {@code .default}, and named Graph permissions, full
 * ({@code https://graph.microsoft.com/User.Read}) or bare ({@code User.Read}), in the order given. Graph is
 * the only resource.
 */
record Scopes(String audience, boolean graphDefault, Set<String> named, Set<String> openId) {

    static final String GRAPH_URI = "https://graph.microsoft.com";
    static final String GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000";
    private static final Set<String> OPEN_ID = Set.of("openid", "profile", "offline_access", "email");
    private static final List<String> GRAPH_RESOURCES = List.of(GRAPH_URI, GRAPH_APP_ID);

    Scopes {
        named = Collections.unmodifiableSet(new LinkedHashSet<>(named));
        openId = Collections.unmodifiableSet(new LinkedHashSet<>(openId));
    }

    /** Parses {@code scope}; an unknown resource is an {@code invalid_resource} error naming it. */
    static Scopes parse(String scope, String tenantId) {
        String audience = GRAPH_URI;
        boolean graphDefault = false;
        Set<String> named = new LinkedHashSet<>();
        Set<String> openId = new LinkedHashSet<>();
        for (String item : scope.trim().split("\\s+")) {
            if (item.isEmpty()) {
                continue;
            }
            if (OPEN_ID.contains(item.toLowerCase(Locale.ROOT))) {
                openId.add(item.toLowerCase(Locale.ROOT));
                continue;
            }
            int slash = item.lastIndexOf('/');
            String permission = slash < 0 ? item : item.substring(slash + 1);
            if (slash >= 0) {
                String resource = item.substring(0, slash);
                audience = GRAPH_RESOURCES.stream()
                        .filter(graph -> graph.equalsIgnoreCase(stripSlash(resource)))
                        .findFirst()
                        .orElseThrow(() -> EntraError.RESOURCE_NOT_FOUND.with(resource, tenantId));
            }
            if (permission.equals(".default")) {
                graphDefault = true;
            } else if (!permission.isEmpty()) {
                named.add(permission);
            } else {
                throw EntraError.SCOPE_INVALID.with(item);
            }
        }
        return new Scopes(audience, graphDefault, named, openId);
    }

    boolean isEmpty() {
        return !graphDefault && named.isEmpty() && openId.isEmpty();
    }

    private static String stripSlash(String resource) {
        return resource.endsWith("/") ? resource.substring(0, resource.length() - 1) : resource;
    }
}
