package io.graphmeet.directory;

import java.util.Optional;

/**
 * Where tenants, users, access policies and grants live. Every write is committed before it returns and
 * is seen at once by every reader, on this node and on any other sharing the database. Writes of an
 * existing key replace it.
 */
public interface DirectoryStore {

    void putTenant(Tenant tenant);

    Optional<Tenant> tenant(String tenantId);

    void putUser(User user);

    Optional<User> userById(String tenantId, String userId);

    /** Case-insensitive, as Entra compares UPNs. */
    Optional<User> userByUpn(String tenantId, String upn);

    void putPolicy(AccessPolicy policy);

    Optional<AccessPolicy> policy(String tenantId, String name);

    /** Grants {@code policyName} to one user, replacing their previous grant; null revokes it. */
    void grantToUser(String tenantId, String userId, String policyName);

    /** Grants {@code policyName} tenant-wide, replacing the previous one; null revokes it. */
    void grantGlobally(String tenantId, String policyName);

    Optional<String> userGrant(String tenantId, String userId);

    Optional<String> globalGrant(String tenantId);
}
