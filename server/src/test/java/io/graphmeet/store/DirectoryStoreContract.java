package io.graphmeet.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphmeet.directory.AccessPolicy;
import io.graphmeet.directory.App;
import io.graphmeet.directory.AppSecret;
import io.graphmeet.directory.DirectoryStore;
import io.graphmeet.directory.PolicyGrant;
import io.graphmeet.directory.Tenant;
import io.graphmeet.directory.User;
import io.graphmeet.testing.Backend;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every outcome {@link DirectoryStore}'s Javadoc promises, on a real database and through the cache the
 * database puts in front of it; one subclass per backend. Each test works in tenants of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DirectoryStoreContract {

    Map<String, String> storage;
    Database database;
    DirectoryStore directory;

    abstract Backend backend();

    @BeforeAll
    void open(@TempDir Path scratch) {
        storage = StoreFixture.newStorage(backend(), scratch);
        database = StoreFixture.open(storage);
        directory = database.directory();
    }

    @AfterAll
    void close() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aPutReplacesTheEntryOfItsKeyAndIsReadBackAtOnce() {
        String tenant = newTenant();
        directory.putTenant(new Tenant(tenant, "Contoso"));
        directory.putUser(new User(tenant, guid(), "megan@contoso.com", "Megan"));
        assertThat(directory.tenant(tenant)).contains(new Tenant(tenant, "Contoso"));

        directory.putTenant(new Tenant(tenant, "Contoso Ltd"));
        String userId = guid();
        directory.putUser(new User(tenant, userId, "adele@contoso.com", "Adele"));
        directory.putUser(new User(tenant, userId, "adele.vance@contoso.com", "Adele Vance"));

        assertThat(directory.tenant(tenant)).contains(new Tenant(tenant, "Contoso Ltd"));
        assertThat(directory.userById(tenant, userId))
                .contains(new User(tenant, userId, "adele.vance@contoso.com", "Adele Vance"));
        assertThat(directory.userByUpn(tenant, "adele@contoso.com")).isEmpty();
    }

    @Test
    void usersAreFoundByUpnWhateverItsCase() {
        String tenant = newTenant();
        User user = new User(tenant, guid(), "Megan.Bowen@Contoso.com", "Megan");
        directory.putUser(user);

        assertThat(directory.userByUpn(tenant, "megan.bowen@contoso.COM")).contains(user);
        assertThat(directory.userByUpn(newTenant(), "megan.bowen@contoso.com")).isEmpty();
    }

    @Test
    void aMissIsAnsweredAndAWriteAfterItIsSeenAtOnce() {
        String tenant = newTenant();
        String userId = guid();
        assertThat(directory.userById(tenant, userId)).isEmpty();
        assertThat(directory.tenant(tenant)).isEmpty();

        directory.putTenant(new Tenant(tenant, null));
        directory.putUser(new User(tenant, userId, null, null));

        assertThat(directory.tenant(tenant)).contains(new Tenant(tenant, null));
        assertThat(directory.userById(tenant, userId)).contains(new User(tenant, userId, null, null));
    }

    @Test
    void listsAreOrderedByTheirKey() {
        String tenant = newTenant();
        directory.putUser(new User(tenant, "c-user", null, null));
        directory.putUser(new User(tenant, "a-user", null, null));
        directory.putUser(new User(tenant, "b-user", null, null));
        directory.putApp(app(tenant, "z-app"));
        directory.putApp(app(tenant, "m-app"));
        directory.putPolicy(new AccessPolicy(tenant, "second", Set.of()));
        directory.putPolicy(new AccessPolicy(tenant, "first", Set.of("m-app")));

        assertThat(directory.users(tenant)).extracting(User::id).containsExactly("a-user", "b-user", "c-user");
        assertThat(directory.apps(tenant)).extracting(App::appId).containsExactly("m-app", "z-app");
        assertThat(directory.policies(tenant))
                .containsExactly(
                        new AccessPolicy(tenant, "first", Set.of("m-app")),
                        new AccessPolicy(tenant, "second", Set.of()));
        String one = newTenant();
        String other = newTenant();
        String earlier = one.compareTo(other) < 0 ? one : other;
        String later = earlier.equals(one) ? other : one;
        directory.putTenant(new Tenant(later, null));
        directory.putTenant(new Tenant(earlier, null));
        assertThat(directory.tenants()).extracting(Tenant::id).containsSubsequence(earlier, later);
    }

    @Test
    void deletingAMissingEntryChangesNothingAndSaysSo() {
        String tenant = newTenant();
        directory.putUser(new User(tenant, "kept", null, null));

        assertThat(directory.deleteTenant(newTenant())).isFalse();
        assertThat(directory.deleteUser(tenant, "missing")).isFalse();
        assertThat(directory.deleteApp(tenant, "missing")).isFalse();
        assertThat(directory.deleteSecret(tenant, "missing", "missing")).isFalse();
        assertThat(directory.deletePolicy(tenant, "missing")).isFalse();

        assertThat(directory.users(tenant)).containsExactly(new User(tenant, "kept", null, null));
    }

    @Test
    void deletingATenantRemovesEverythingItHoldsAndNothingOfOtherTenants() {
        String tenant = populatedTenant();
        String other = populatedTenant();

        assertThat(directory.deleteTenant(tenant)).isTrue();

        assertThat(directory.tenant(tenant)).isEmpty();
        assertThat(directory.users(tenant)).isEmpty();
        assertThat(directory.passwordHash(tenant, "user-1")).isEmpty();
        assertThat(directory.apps(tenant)).isEmpty();
        assertThat(directory.secrets(tenant, "app-1")).isEmpty();
        assertThat(directory.policies(tenant)).isEmpty();
        assertThat(directory.grants(tenant)).isEmpty();
        assertThat(directory.userGrant(tenant, "user-1")).isEmpty();
        assertThat(directory.globalGrant(tenant)).isEmpty();
        assertThat(directory.users(other)).hasSize(1);
        assertThat(directory.passwordHash(other, "user-1")).contains("hash");
        assertThat(directory.secrets(other, "app-1")).hasSize(1);
        assertThat(directory.grants(other)).hasSize(2);
    }

    @Test
    void deletingAUserRemovesTheirPasswordAndOwnGrantOnly() {
        String tenant = populatedTenant();

        assertThat(directory.deleteUser(tenant, "user-1")).isTrue();

        assertThat(directory.userById(tenant, "user-1")).isEmpty();
        assertThat(directory.passwordHash(tenant, "user-1")).isEmpty();
        assertThat(directory.userGrant(tenant, "user-1")).isEmpty();
        assertThat(directory.globalGrant(tenant)).contains("policy-1");
        assertThat(directory.policy(tenant, "policy-1")).isPresent();
    }

    @Test
    void aNullPasswordHashRemovesTheUsersPassword() {
        String tenant = populatedTenant();
        directory.putPasswordHash(tenant, "user-1", "replaced");
        assertThat(directory.passwordHash(tenant, "user-1")).contains("replaced");

        directory.putPasswordHash(tenant, "user-1", null);

        assertThat(directory.passwordHash(tenant, "user-1")).isEmpty();
        assertThat(directory.userById(tenant, "user-1")).isPresent();
    }

    @Test
    void deletingAnAppRemovesItsSecretsButPoliciesKeepListingIt() {
        String tenant = populatedTenant();

        assertThat(directory.deleteApp(tenant, "app-1")).isTrue();

        assertThat(directory.app(tenant, "app-1")).isEmpty();
        assertThat(directory.secrets(tenant, "app-1")).isEmpty();
        assertThat(directory.policy(tenant, "policy-1").orElseThrow().appIds()).containsExactly("app-1");
    }

    @Test
    void secretsAreListedOldestFirstAndASecretIdUsedAgainIsReplaced() {
        String tenant = newTenant();
        directory.putApp(app(tenant, "app-1"));
        AppSecret newer = secret(tenant, "b", "hash-b", Instant.parse("2026-03-02T00:00:00Z"));
        AppSecret older = secret(tenant, "c", "hash-c", Instant.parse("2026-03-01T00:00:00Z"));
        directory.putSecret(newer);
        directory.putSecret(older);
        AppSecret replaced = secret(tenant, "b", "hash-b2", Instant.parse("2026-03-03T00:00:00Z"));
        directory.putSecret(replaced);

        assertThat(directory.secrets(tenant, "app-1")).containsExactly(older, replaced);
        assertThat(directory.deleteSecret(tenant, "app-1", "c")).isTrue();
        assertThat(directory.secrets(tenant, "app-1")).containsExactly(replaced);
    }

    @Test
    void aPolicyPutAgainReplacesItsApps() {
        String tenant = newTenant();
        directory.putPolicy(new AccessPolicy(tenant, "bots", Set.of("a", "b")));

        directory.putPolicy(new AccessPolicy(tenant, "bots", Set.of("c")));

        assertThat(directory.policy(tenant, "bots")).contains(new AccessPolicy(tenant, "bots", Set.of("c")));
        assertThat(directory.policy(tenant, "other")).isEmpty();
    }

    @Test
    void deletingAPolicyRevokesEveryGrantOfIt() {
        String tenant = populatedTenant();

        assertThat(directory.deletePolicy(tenant, "policy-1")).isTrue();

        assertThat(directory.policy(tenant, "policy-1")).isEmpty();
        assertThat(directory.userGrant(tenant, "user-1")).isEmpty();
        assertThat(directory.globalGrant(tenant)).isEmpty();
        assertThat(directory.grants(tenant)).isEmpty();
    }

    @Test
    void aGrantReplacesThePreviousOneAndNullRevokesIt() {
        String tenant = newTenant();
        directory.grantToUser(tenant, "user-1", "first");
        directory.grantGlobally(tenant, "first");
        directory.grantToUser(tenant, "user-1", "second");
        directory.grantGlobally(tenant, "second");
        assertThat(directory.userGrant(tenant, "user-1")).contains("second");
        assertThat(directory.globalGrant(tenant)).contains("second");

        directory.grantToUser(tenant, "user-1", null);
        directory.grantGlobally(tenant, null);

        assertThat(directory.userGrant(tenant, "user-1")).isEmpty();
        assertThat(directory.globalGrant(tenant)).isEmpty();
    }

    @Test
    void grantsListTheTenantWideOneFirstThenPerUser() {
        String tenant = newTenant();
        directory.grantToUser(tenant, "user-b", "p2");
        directory.grantToUser(tenant, "user-a", "p1");
        directory.grantGlobally(tenant, "p3");

        assertThat(directory.grants(tenant))
                .containsExactly(
                        new PolicyGrant(tenant, null, "p3"),
                        new PolicyGrant(tenant, "user-a", "p1"),
                        new PolicyGrant(tenant, "user-b", "p2"));
    }

    @Test
    void appsKeepTheirPermissions() {
        String tenant = newTenant();
        App app = new App(tenant, "app-1", guid(), "Bot", Set.of("OnlineMeetings.ReadWrite.All", "User.Read.All"));
        App none = new App(tenant, "app-2", guid(), null, Set.of());
        directory.putApp(app);
        directory.putApp(none);

        assertThat(directory.app(tenant, "app-1")).contains(app);
        assertThat(directory.app(tenant, "app-2")).contains(none);
    }

    /** A tenant with one of everything: user-1 with a password and a grant, app-1 with a secret, policy-1. */
    String populatedTenant() {
        String tenant = newTenant();
        directory.putTenant(new Tenant(tenant, "Tenant"));
        directory.putUser(new User(tenant, "user-1", "user@contoso.com", null));
        directory.putPasswordHash(tenant, "user-1", "hash");
        directory.putApp(app(tenant, "app-1"));
        directory.putSecret(secret(tenant, "s-1", "hash", Instant.parse("2026-03-01T00:00:00Z")));
        directory.putPolicy(new AccessPolicy(tenant, "policy-1", Set.of("app-1")));
        directory.grantToUser(tenant, "user-1", "policy-1");
        directory.grantGlobally(tenant, "policy-1");
        return tenant;
    }

    static App app(String tenant, String appId) {
        return new App(tenant, appId, UUID.randomUUID().toString(), appId, Set.of("OnlineMeetings.ReadWrite.All"));
    }

    static AppSecret secret(String tenant, String secretId, String hash, Instant createdAt) {
        return new AppSecret(tenant, "app-1", secretId, hash, "abc", createdAt);
    }

    static String newTenant() {
        return guid();
    }

    static String guid() {
        return UUID.randomUUID().toString();
    }
}
