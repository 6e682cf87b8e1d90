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
import io.graphmeet.store.DirectoryRead.AppById;
import io.graphmeet.store.DirectoryRead.GlobalGrant;
import io.graphmeet.store.DirectoryRead.PolicyByName;
import io.graphmeet.store.DirectoryRead.TenantById;
import io.graphmeet.store.DirectoryRead.UserById;
import io.graphmeet.store.DirectoryRead.UserByUpn;
import io.graphmeet.store.DirectoryRead.UserGrant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Remembers directory lookups until the {@link DirectoryRevision} moves, so the hot path (token, policy and user
 * checks on every call) costs no query: a write on this node moves it at once, a write on another node when its
 * notice arrives. Listings, secrets and passwords serve the admin API and the token endpoint and are not
 * remembered.
 */
final class CachedDirectoryStore implements DirectoryStore {

    /** The bound of what is remembered, in bytes of heap (see {@link CacheWeights}). */
    private static final long MAX_BYTES = 8L * 1024 * 1024;
    /** A found tenant, user, app, policy or grant: a few short strings, and for a policy its list of app ids. */
    private static final int FOUND_BYTES = 512;

    private final DirectoryStore store;
    private final DirectoryRevision revision;
    /** What each lookup found (or, for lookups by ids, that it found nothing), until the revision moves. */
    private final Cache<DirectoryRead<?>, Optional<?>> answersUntilNextChange = Caffeine.newBuilder()
            .maximumWeight(MAX_BYTES)
            .weigher((DirectoryRead<?> key, Optional<?> value) -> CacheWeights.ENTRY_OVERHEAD
                    + (int) CacheWeights.chars(key.parts().toArray(String[]::new))
                    + (value.isPresent() ? FOUND_BYTES : 0))
            .build();

    private volatile long cachedRevision = Long.MIN_VALUE;

    CachedDirectoryStore(DirectoryStore store, DirectoryRevision revision) {
        this.store = store;
        this.revision = revision;
    }

    @SuppressWarnings("unchecked") // a DirectoryRead<T> is only ever stored with an Optional<T>
    private <T> Optional<T> read(DirectoryRead<T> key, Supplier<Optional<T>> query) {
        long before = revision.current();
        if (before != cachedRevision) {
            answersUntilNextChange.invalidateAll();
            cachedRevision = before;
        }
        Optional<?> hit = answersUntilNextChange.getIfPresent(key);
        if (hit != null) {
            return (Optional<T>) hit;
        }
        Optional<T> fresh = query.get();
        if (revision.current() == before && (fresh.isPresent() || key.remembersMiss())) {
            answersUntilNextChange.put(key, fresh);
        }
        return fresh;
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
        return read(new TenantById(tenantId), () -> store.tenant(tenantId));
    }

    @Override
    public void putUser(User user) {
        written(() -> store.putUser(user));
    }

    @Override
    public Optional<User> userById(String tenantId, String userId) {
        return read(new UserById(tenantId, userId), () -> store.userById(tenantId, userId));
    }

    @Override
    public Optional<User> userByUpn(String tenantId, String upn) {
        return read(new UserByUpn(tenantId, upn), () -> store.userByUpn(tenantId, upn));
    }

    @Override
    public void putPolicy(AccessPolicy policy) {
        written(() -> store.putPolicy(policy));
    }

    @Override
    public Optional<AccessPolicy> policy(String tenantId, String name) {
        return read(new PolicyByName(tenantId, name), () -> store.policy(tenantId, name));
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
        return read(new UserGrant(tenantId, userId), () -> store.userGrant(tenantId, userId));
    }

    @Override
    public Optional<String> globalGrant(String tenantId) {
        return read(new GlobalGrant(tenantId), () -> store.globalGrant(tenantId));
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
        return read(new AppById(tenantId, appId), () -> store.app(tenantId, appId));
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
