package io.graphmeet.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graphmeet.config.ConfigLoader;
import io.graphmeet.directory.AccessPolicy;
import io.graphmeet.directory.Directory;
import io.graphmeet.directory.DirectoryStore;
import io.graphmeet.directory.Tenant;
import io.graphmeet.directory.User;
import io.graphmeet.errors.GraphException;
import io.graphmeet.meetings.Organizer;
import io.graphmeet.store.Database;
import io.graphmeet.testing.Backend;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Who may act for whom: route kind, permission, user resolution and access policy, over a real directory. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizerTest {

    static final String TENANT = "5f1c6d2e-8a4b-4c3d-9e0f-1a2b3c4d5e6f";
    static final String MEGAN = "0b7e4c2a-3d5f-4e6a-8b9c-0d1e2f3a4b5c";
    static final String ADELE = "1f35f2e6-9cab-44ad-8d5a-b74c14720000";
    static final String UNKNOWN = "2C4D6E8F-1A3B-4C5D-8E9F-0A1B2C3D4E5F";
    static final String BOT = "3e5f7a9b-2c4d-4e6f-8a0b-1c2d3e4f5a6b";
    static final String OTHER_APP = "4f6a8b0c-3d5e-4f7a-9b1c-2d3e4f5a6b7c";
    static final String WRITE = "OnlineMeetings.ReadWrite";
    static final String WRITE_ALL = "OnlineMeetings.ReadWrite.All";

    Database database;
    Authorizer authorizer;
    Authorizer strict;

    @BeforeAll
    void openADirectory(@TempDir Path scratch) {
        database = Database.open(
                ConfigLoader.load(null, Backend.EMBEDDED.newStorage(scratch)).storage());
        DirectoryStore store = database.directory();
        store.putTenant(new Tenant(TENANT, "Contoso"));
        store.putUser(new User(TENANT, MEGAN, "megan@contoso.com", "Megan Bowen"));
        store.putUser(new User(TENANT, ADELE, "adele@contoso.com", "Adele Vance"));
        store.putPolicy(new AccessPolicy(TENANT, "bots", Set.of(BOT)));
        store.grantToUser(TENANT, MEGAN, "bots");
        authorizer = new Authorizer(new Directory(store), false);
        strict = new Authorizer(new Directory(store), true);
    }

    @AfterAll
    void close() {
        database.close();
    }

    @Test
    void meIsTheSignedInUser() {
        assertThat(authorizer.authorize(delegated(MEGAN, WRITE), new Target.Me(), Access.WRITE))
                .isEqualTo(new Organizer(TENANT, MEGAN));
    }

    @Test
    void meWithAnApplicationIsABadRequest() {
        assertGraphError(
                () -> authorizer.authorize(app(BOT, WRITE_ALL), new Target.Me(), Access.WRITE),
                "BadRequest",
                "/me request is only valid with delegated authentication flow.");
    }

    @Test
    void eachAccessNeedsOneOfItsPermissions() {
        assertThat(authorizer.authorize(delegated(MEGAN, "OnlineMeetings.Read"), new Target.Me(), Access.READ))
                .isEqualTo(new Organizer(TENANT, MEGAN));
        assertThat(authorizer.authorize(delegated(MEGAN, WRITE), new Target.Me(), Access.READ))
                .isEqualTo(new Organizer(TENANT, MEGAN));
        assertThat(authorizer.authorize(app(BOT, "OnlineMeetings.Read.All"), user(MEGAN), Access.READ))
                .isEqualTo(new Organizer(TENANT, MEGAN));
        assertGraphError(
                () -> authorizer.authorize(
                        delegated(MEGAN, "OnlineMeetings.Read", "User.Read"), new Target.Me(), Access.WRITE),
                "Forbidden",
                "Missing delegated permission: the token needs one of OnlineMeetings.ReadWrite.");
        assertGraphError(
                () -> authorizer.authorize(delegated(MEGAN, "User.Read"), new Target.Me(), Access.READ),
                "Forbidden",
                "Missing delegated permission: the token needs one of OnlineMeetings.Read, OnlineMeetings.ReadWrite.");
        assertGraphError(
                () -> authorizer.authorize(app(BOT, "OnlineMeetings.Read.All"), user(MEGAN), Access.WRITE),
                "Forbidden",
                "Missing application permission: the token needs one of OnlineMeetings.ReadWrite.All.");
        assertGraphError(
                () -> authorizer.authorize(app(BOT, WRITE), user(MEGAN), Access.READ),
                "Forbidden",
                "Missing application permission: the token needs one of OnlineMeetings.Read.All, "
                        + "OnlineMeetings.ReadWrite.All.");
    }

    @Test
    void aDelegatedCallerActsOnlyForThemselvesByIdOrUpn() {
        assertThat(authorizer.authorize(delegated(MEGAN, WRITE), user(MEGAN.toUpperCase(Locale.ROOT)), Access.WRITE))
                .isEqualTo(new Organizer(TENANT, MEGAN));
        assertThat(authorizer.authorize(delegated(MEGAN, WRITE), user("megan@contoso.com"), Access.WRITE))
                .isEqualTo(new Organizer(TENANT, MEGAN));
        assertGraphError(
                () -> authorizer.authorize(delegated(MEGAN, WRITE), user(ADELE), Access.WRITE),
                "Forbidden",
                "A delegated token can only act for its own user; use /me or the signed-in user's id.");
    }

    @Test
    void anApplicationActsForTheUsersItsPolicyCovers() {
        assertThat(authorizer.authorize(app(BOT, WRITE_ALL), user("megan@contoso.com"), Access.WRITE))
                .isEqualTo(new Organizer(TENANT, MEGAN));
        assertGraphError(
                () -> authorizer.authorize(app(BOT, WRITE_ALL), user(ADELE), Access.WRITE),
                "Forbidden",
                "No application access policy found for this app");
        assertGraphError(
                () -> authorizer.authorize(app(OTHER_APP, WRITE_ALL), user(MEGAN), Access.WRITE),
                "Forbidden",
                "No application access policy found for this app");
        assertGraphError(
                () -> authorizer.authorize(app(null, WRITE_ALL), user(MEGAN), Access.WRITE),
                "Forbidden",
                "No application access policy found for this app");
    }

    @Test
    void anUnknownUserIsTheirObjectIdInLowerCaseUnlessTheDirectoryIsStrict() {
        assertThat(authorizer.authorize(
                        delegated(UNKNOWN.toLowerCase(Locale.ROOT), WRITE), user(UNKNOWN), Access.WRITE))
                .isEqualTo(new Organizer(TENANT, UNKNOWN.toLowerCase(Locale.ROOT)));
        assertGraphError(
                () -> strict.authorize(delegated(UNKNOWN, WRITE), user(UNKNOWN), Access.WRITE),
                "NotFound",
                "User '" + UNKNOWN + "' was not found in tenant " + TENANT + ".");
        assertThat(strict.authorize(delegated(MEGAN, WRITE), user(MEGAN), Access.WRITE))
                .isEqualTo(new Organizer(TENANT, MEGAN));
    }

    @Test
    void anUnknownUserThatIsNotAnObjectIdIsNotFound() {
        for (String notAnId : new String[] {"nobody@contoso.com", UNKNOWN + "0", "x" + UNKNOWN, "not-a-guid"}) {
            assertGraphError(
                    () -> authorizer.authorize(delegated(MEGAN, WRITE), user(notAnId), Access.WRITE),
                    "NotFound",
                    "User '" + notAnId + "' was not found in tenant " + TENANT + ".");
        }
    }

    private static Caller delegated(String user, String... scopes) {
        return new Caller.Delegated(TENANT, user, "0e8d6c74-5b7a-4f23-9c1d-2a3b4c5d6e7f", Set.of(scopes));
    }

    private static Caller app(String appId, String... roles) {
        return new Caller.Application(TENANT, appId, Set.of(roles));
    }

    private static Target user(String idOrUpn) {
        return new Target.User(idOrUpn);
    }

    private static void assertGraphError(ThrowingCallable call, String code, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(GraphException.class, e -> {
            assertThat(e.error().code()).isEqualTo(code);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }
}
