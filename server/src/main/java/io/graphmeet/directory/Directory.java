package io.graphmeet.directory;

import java.util.Optional;

/** The directory's rules over its store: user resolution, sign-in credentials and application access policies. */
public final class Directory {

    private final DirectoryStore store;

    public Directory(DirectoryStore store) {
        this.store = store;
    }

    public DirectoryStore store() {
        return store;
    }

    /** A known user by object id or, failing that, by UPN. */
    public Optional<User> findUser(String tenantId, String idOrUpn) {
        Optional<User> byId = store.userById(tenantId, idOrUpn);
        return byId.isPresent() || !idOrUpn.contains("@") ? byId : store.userByUpn(tenantId, idOrUpn);
    }

    /**
     * Whether {@code appId} may act for {@code userId}: the policy granted to the user, else the tenant-wide
     * one, must list the app.
     */
    public boolean appMayActFor(String tenantId, String appId, String userId) {
        return decidingGrant(tenantId, userId)
                .flatMap(grant -> store.policy(tenantId, grant.policyName()))
                .map(policy -> policy.lists(appId))
                .orElse(false);
    }

    /**
     * The grant whose policy decides which apps may act for {@code userId}: the user's own, else the tenant-wide
     * one (a user's own grant wins even when its policy does not list an app the tenant-wide one lists); empty
     * when neither exists.
     */
    public Optional<PolicyGrant> decidingGrant(String tenantId, String userId) {
        return store.userGrant(tenantId, userId)
                .map(name -> new PolicyGrant(tenantId, userId, name))
                .or(() -> store.globalGrant(tenantId).map(name -> new PolicyGrant(tenantId, null, name)));
    }

    /** Whether {@code secret} is one of the app's client secrets. */
    public boolean secretMatches(App app, String secret) {
        return store.secrets(app.tenantId(), app.appId()).stream()
                .anyMatch(stored -> Credentials.matches(secret, stored.hash()));
    }

    /**
     * Whether {@code password} is the user's sign-in password; a user without one, or no user (null), cannot
     * sign in, and finding that out takes the same hashing work as a wrong password.
     */
    public boolean passwordMatches(User user, String password) {
        String hash = user == null
                ? null
                : store.passwordHash(user.tenantId(), user.id()).orElse(null);
        return Credentials.passwordMatches(password, hash);
    }
}
