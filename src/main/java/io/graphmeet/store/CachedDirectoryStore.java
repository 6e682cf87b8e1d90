package io.graphmeet.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.graphmeet.directory.AccessPolicy;
import io.graphmeet.directory.DirectoryStore;
import io.graphmeet.directory.Tenant;
import io.graphmeet.directory.User;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Remembers directory reads until the {@link DirectoryRevision} moves, so the hot path (token, policy and user
 * checks on every call) costs no query while keeping the store's promise that a write is seen at once.
 */
final class CachedDirectoryStore implements DirectoryStore {

    private static final int MAX_ENTRIES = 100_000;

    private final DirectoryStore store;
    private final DirectoryRevision revision;
    private final Cache<List<Object>, Optional<?>> reads = Caffeine.newBuilder().maximumSize(MAX_ENTRIES).build();
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
        if (revision.current() == before) {
            reads.put(cacheKey, fresh);
        }
        return fresh;
    }

    private void written(Runnable write) {
        try {
            write.run();
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
}
