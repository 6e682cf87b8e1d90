package io.graphmeet.directory;

import java.util.List;
import java.util.Optional;

/**
 * Where tenants, users, app registrations, access policies and grants live. Every write is committed before
 * it returns and is seen at once by every later read on the same node. Single lookups may be answered from
 * memory: another node sharing the database sees a write once the change notice reaches it (on PostgreSQL,
 * a {@code NOTIFY} in the writing transaction, usually within milliseconds; while a node cannot hear notices
 * it answers from the database alone). Lists, secrets and password hashes are always read from the database.
 * {@code put} writes of an existing key replace it; deletes of a missing key change nothing and return false.
 * Lists are ordered by their key. Concurrent writers of one key: the last commit wins.
 */
public interface DirectoryStore {

    void putTenant(Tenant tenant);

    Optional<Tenant> tenant(String tenantId);

    List<Tenant> tenants();

    /**
     * Deletes the tenant and everything the directory holds for it (users, passwords, apps, secrets, policies,
     * grants) in one transaction. Meetings are not the directory's: see the meeting store.
     */
    boolean deleteTenant(String tenantId);

    void putUser(User user);

    Optional<User> userById(String tenantId, String userId);

    /** Case-insensitive, as Entra compares UPNs. */
    Optional<User> userByUpn(String tenantId, String upn);

    List<User> users(String tenantId);

    /** Deletes the user with their password and their own policy grant. */
    boolean deleteUser(String tenantId, String userId);

    /** Sets (or, with null, removes) the hash of a user's sign-in password; see {@link Credentials}. */
    void putPasswordHash(String tenantId, String userId, String passwordHash);

    Optional<String> passwordHash(String tenantId, String userId);

    void putApp(App app);

    Optional<App> app(String tenantId, String appId);

    List<App> apps(String tenantId);

    /** Deletes the app registration and its secrets; access policies that list its id keep listing it. */
    boolean deleteApp(String tenantId, String appId);

    /** Adds a secret to an app; a secret id already used by that app is replaced. */
    void putSecret(AppSecret secret);

    /** The app's secrets, oldest first. */
    List<AppSecret> secrets(String tenantId, String appId);

    boolean deleteSecret(String tenantId, String appId, String secretId);

    void putPolicy(AccessPolicy policy);

    Optional<AccessPolicy> policy(String tenantId, String name);

    List<AccessPolicy> policies(String tenantId);

    /** Deletes the policy and every grant of it, so no user is left holding a policy that does not exist. */
    boolean deletePolicy(String tenantId, String name);

    /** Grants {@code policyName} to one user, replacing their previous grant; null revokes it. */
    void grantToUser(String tenantId, String userId, String policyName);

    /** Grants {@code policyName} tenant-wide, replacing the previous one; null revokes it. */
    void grantGlobally(String tenantId, String policyName);

    Optional<String> userGrant(String tenantId, String userId);

    Optional<String> globalGrant(String tenantId);

    /** Every grant of the tenant: the tenant-wide one (if any) first, then per user. */
    List<PolicyGrant> grants(String tenantId);
}
