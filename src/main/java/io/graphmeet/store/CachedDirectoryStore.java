package io.graphmeet.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.graphmeet.directory.AccessPolicy;
import io.graphmeet.directory.App;
import io.graphmeet.directory.AppSecret;
import io.graphmeet.directory.DirectoryStore;
import io.graphmeet.directory.PolicyGrant;
import io.graphmeet.directory.Tenant;
import io.graphmeet.directory.User;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Remembers directory reads until the {@link DirectoryRevision} moves, so the hot path (token, policy and user
 * checks on every call) costs no query while keeping the store's promise that a write is seen at once.
 * Listings, secrets and passwords serve the admin API and the token endpoint and are not remembered.
 */
final class CachedDirectoryStore implements DirectoryStore {

    private static final long MAX_BYTES = 8L * 1024 * 1024;
    /** A found tenant, user, app, policy or grant: a few short strings, and for a policy its list of app ids. */
    private static final int FOUND_BYTES = 512;
    private static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final DirectoryStore store;
    private final DirectoryRevision revision;
    private final Cache<List<Object>, Optional<?>> reads = Caffeine.newBuilder()
            .maximumWeight(MAX_BYTES)
            .weigher((List<Object> key, Optional<?> value) -> CacheWeights.ENTRY_OVERHEAD
                    + (int) CacheWeights.chars(key.stream().map(String::valueOf).toArray(String[]::new))
                    + (value.isPresent() ? FOUND_BYTES : 0))
            .build();
    private volatile long cachedRevision = Long.MIN_VALUE;

    CachedDirectoryStore(DirectoryStore store, DirectoryRevision revision) {
        this.store = store;
        this.revision = revision;
    }

    @SuppressWarnings("unchecked")
    private <T> Optional<T> read(Supplier<Optional<T>> query, Object... key) {
        long before = revision.current();
        if (before != cachedRevision) {
            reads.invalidateAll();
            cachedRevision = before;
        }
        List<Object> cacheKey = List.of(key);
        Optional<?> hit = reads.getIfPresent(cacheKey);
        if (hit != null) {
            return (Optional<T>) hit;
        }
        Optional<T> fresh = query.get();
        if (revision.current() == before && (fresh.isPresent() || namesOnlyGuids(key))) {
            reads.put(cacheKey, fresh);
        }
        return fresh;
    }

    /**
     * Whether a miss may be remembered: only when it was looked up by ids (GUIDs) alone, which is what the hot
     * path asks, never for a caller's arbitrary text such as a UPN, which could fill the cache with misses.
     */
    private static boolean namesOnlyGuids(Object... key) {
        for (int i = 1; i < key.length; i++) {
            if (!(key[i] instanceof String part) || !GUID.matcher(part).matches()) {
                return false;
            }
        }
        return true;
    }

    private void written(Runnable write) {
        written(() -> {
            write.run();
            return null;
        });
    }

    private <T> T written(Supplier<T> write) {
        try {
            return write.get();
        } finally {
            revision.bump();
        }
    }

    @Override
    public void putTenant(Tenant tenant) {
        written(() -> store.putTenant(tenant));
    }

    @Override
    public Optional<Tenant> tenant(String tenantId) {
        return read(() -> store.tenant(tenantId), "tenant", tenantId);
    }

    @Override
    public void putUser(User user) {
        written(() -> store.putUser(user));
    }

    @Override
    public Optional<User> userById(String tenantId, String userId) {
        return read(() -> store.userById(tenantId, userId), "userById", tenantId, userId);
    }

    @Override
    public Optional<User> userByUpn(String tenantId, String upn) {
        return read(() -> store.userByUpn(tenantId, upn), "userByUpn", tenantId, upn);
    }

    @Override
    public void putPolicy(AccessPolicy policy) {
        written(() -> store.putPolicy(policy));
    }

    @Override
    public Optional<AccessPolicy> policy(String tenantId, String name) {
        return read(() -> store.policy(tenantId, name), "policy", tenantId, name);
    }

    @Override
    public void grantToUser(String tenantId, String userId, String policyName) {
        written(() -> store.grantToUser(tenantId, userId, policyName));
    }

    @Override
    public void grantGlobally(String tenantId, String policyName) {
        written(() -> store.grantGlobally(tenantId, policyName));
    }

    @Override
    public Optional<String> userGrant(String tenantId, String userId) {
        return read(() -> store.userGrant(tenantId, userId), "userGrant", tenantId, userId);
    }

    @Override
    public Optional<String> globalGrant(String tenantId) {
        return read(() -> store.globalGrant(tenantId), "globalGrant", tenantId);
    }

    @Override
    public List<Tenant> tenants() {
        return store.tenants();
    }

    @Override
    public boolean deleteTenant(String tenantId) {
        return written(() -> store.deleteTenant(tenantId));
    }

    @Override
    public List<User> users(String tenantId) {
        return store.users(tenantId);
    }

    @Override
    public boolean deleteUser(String tenantId, String userId) {
        return written(() -> store.deleteUser(tenantId, userId));
    }

    @Override
    public void putPasswordHash(String tenantId, String userId, String passwordHash) {
        written(() -> store.putPasswordHash(tenantId, userId, passwordHash));
    }

    @Override
    public Optional<String> passwordHash(String tenantId, String userId) {
        return store.passwordHash(tenantId, userId);
    }

    @Override
    public void putApp(App app) {
        written(() -> store.putApp(app));
    }

    @Override
    public Optional<App> app(String tenantId, String appId) {
        return read(() -> store.app(tenantId, appId), "app", tenantId, appId);
    }

    @Override
    public List<App> apps(String tenantId) {
        return store.apps(tenantId);
    }

    @Override
    public boolean deleteApp(String tenantId, String appId) {
        return written(() -> store.deleteApp(tenantId, appId));
    }

    @Override
    public void putSecret(AppSecret secret) {
        written(() -> store.putSecret(secret));
    }

    @Override
    public List<AppSecret> secrets(String tenantId, String appId) {
        return store.secrets(tenantId, appId);
    }

    @Override
    public boolean deleteSecret(String tenantId, String appId, String secretId) {
        return written(() -> store.deleteSecret(tenantId, appId, secretId));
    }

    @Override
    public List<AccessPolicy> policies(String tenantId) {
        return store.policies(tenantId);
    }

    @Override
    public boolean deletePolicy(String tenantId, String name) {
        return written(() -> store.deletePolicy(tenantId, name));
    }

    @Override
    public List<PolicyGrant> grants(String tenantId) {
        return store.grants(tenantId);
    }
}
