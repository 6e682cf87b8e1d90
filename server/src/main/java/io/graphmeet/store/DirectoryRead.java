package io.graphmeet.store;

import io.graphmeet.directory.AccessPolicy;
import io.graphmeet.directory.App;
import io.graphmeet.directory.Tenant;
import io.graphmeet.directory.User;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A directory lookup of the hot path, as the key {@link CachedDirectoryStore} remembers its answer under; {@code T}
 * is what it finds.
 */
sealed interface DirectoryRead<T> {

    Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** The texts the lookup is made of, tenant first. */
    List<String> parts();

    /**
     * Whether a miss may be remembered: only when it was looked up by ids (GUIDs) alone, which is what the hot
     * path asks, never for a caller's arbitrary text such as a UPN, which could fill the cache with misses.
     */
    default boolean remembersMiss() {
        return parts().stream()
                .allMatch(part -> part != null && GUID.matcher(part).matches());
    }

    record TenantById(String tenantId) implements DirectoryRead<Tenant> {
        @Override
        public List<String> parts() {
            return List.of(tenantId);
        }
    }

    record UserById(String tenantId, String userId) implements DirectoryRead<User> {
        @Override
        public List<String> parts() {
            return List.of(tenantId, userId);
        }
    }

    record UserByUpn(String tenantId, String upn) implements DirectoryRead<User> {
        @Override
        public List<String> parts() {
            return List.of(tenantId, upn);
        }
    }

    record AppById(String tenantId, String appId) implements DirectoryRead<App> {
        @Override
        public List<String> parts() {
            return List.of(tenantId, appId);
        }
    }

    record PolicyByName(String tenantId, String name) implements DirectoryRead<AccessPolicy> {
        @Override
        public List<String> parts() {
            return List.of(tenantId, name);
        }
    }

    /** The name of the policy granted to one user. */
    record UserGrant(String tenantId, String userId) implements DirectoryRead<String> {
        @Override
        public List<String> parts() {
            return List.of(tenantId, userId);
        }
    }

    /** The name of the policy granted tenant-wide. */
    record GlobalGrant(String tenantId) implements DirectoryRead<String> {
        @Override
        public List<String> parts() {
            return List.of(tenantId);
        }
    }
}
