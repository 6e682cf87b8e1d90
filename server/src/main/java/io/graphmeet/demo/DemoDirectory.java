package io.graphmeet.demo;

import io.graphmeet.directory.AccessPolicy;
import io.graphmeet.directory.App;
import io.graphmeet.directory.AppSecret;
import io.graphmeet.directory.Credentials;
import io.graphmeet.directory.DirectoryStore;
import io.graphmeet.directory.Tenant;
import io.graphmeet.directory.User;
import java.time.Instant;
import java.util.Set;

/**
 * The well-known demo tenant of the development profile, like Azurite's well-known account: an app with a
 * public secret, a user with a public password, and a policy granted tenant-wide that lets the app act for
 * every user of the tenant. Never use these credentials anywhere but on your own machine.
 */
public final class DemoDirectory {

    public static final String TENANT_ID = "d0d0cafe-0000-4000-8000-000000000001";
    public static final String APP_ID = "d0d0cafe-0000-4000-8000-0000000000a1";
    public static final String APP_SECRET = "graphmeet-demo-secret";
    public static final String USER_ID = "d0d0cafe-0000-4000-8000-0000000000b1";
    public static final String USER_UPN = "demo.user@graphmeet.example";
    public static final String USER_PASSWORD = "graphmeet-demo-password";
    /**
     * {@link #USER_PASSWORD} hashed once, here: the password is public anyway, and hashing it at every first
     * start would cost that start about 0.4 s of PBKDF2.
     */
    static final String USER_PASSWORD_HASH =
            "pbkdf2-sha256$100000$ZDaHyAJKFHAX9+M7u8z/cg$Zlbxi+KnVhk/XReAsXVBOV6cgKZ1TrO1Y9cMhxEZC1o";

    public static final String POLICY = "graphmeet-demo";
    public static final String APP_PERMISSION = "OnlineMeetings.ReadWrite.All";

    private static final String SERVICE_PRINCIPAL_ID = "d0d0cafe-0000-4000-8000-0000000000c1";
    private static final String SECRET_ID = "d0d0cafe-0000-4000-8000-0000000000d1";

    private DemoDirectory() {}

    /** Creates the demo tenant and its entries unless the tenant exists; returns whether it created them. */
    public static boolean seed(DirectoryStore directory, Instant now) {
        if (directory.tenant(TENANT_ID).isPresent()) {
            return false;
        }
        directory.putApp(
                new App(TENANT_ID, APP_ID, SERVICE_PRINCIPAL_ID, "graphmeet demo app", Set.of(APP_PERMISSION)));
        directory.putSecret(new AppSecret(
                TENANT_ID, APP_ID, SECRET_ID, Credentials.hashSecret(APP_SECRET), APP_SECRET.substring(0, 3), now));
        directory.putUser(new User(TENANT_ID, USER_ID, USER_UPN, "Demo User"));
        directory.putPasswordHash(TENANT_ID, USER_ID, USER_PASSWORD_HASH);
        directory.putPolicy(new AccessPolicy(TENANT_ID, POLICY, Set.of(APP_ID)));
        directory.grantGlobally(TENANT_ID, POLICY);
        directory.putTenant(new Tenant(TENANT_ID, "graphmeet demo"));
        return true;
    }

    /** What to tell a developer at start: how to get a token for the demo app, and where the admin API is. */
    public static String howToGetAToken(String publicUrl) {
        return """
                development profile: the built-in token issuer and the demo tenant are on (docs/offline-dev.md).
                  Application token for the demo app:
                    curl -s %1$s/%2$s/oauth2/v2.0/token -d grant_type=client_credentials \\
                      -d client_id=%3$s -d client_secret=%4$s \\
                      -d scope=https://graph.microsoft.com/.default
                  then: curl -s -X POST %1$s/v1.0/users/%5$s/onlineMeetings/createOrGet \\
                      -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d '{"externalId":"demo-1"}'
                """.formatted(publicUrl, TENANT_ID, APP_ID, APP_SECRET, USER_ID).stripTrailing();
    }
}
