package io.graphmeet.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.graphmeet.testing.AdminHttp;
import io.graphmeet.testing.Backend;
import io.graphmeet.testing.GraphResponse;
import io.graphmeet.testing.TestServer;
import io.graphmeet.testing.TokenHttp;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The explainer, {@code GET /admin/v1/tenants/{t}/explain?app=&user=&operation=}, on a real server: each way a
 * request is allowed or denied, checked against what the Graph edge really answers the same app for the same user.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExplainApiTest {

    private static final String WRITE_ALL = "OnlineMeetings.ReadWrite.All";

    private TestServer server;
    private AdminHttp admin;

    @BeforeAll
    void startServer(@TempDir Path scratch) {
        server = TestServer.on(Backend.EMBEDDED, scratch).start();
        admin = server.admin();
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void allowsThroughTheUsersOwnGrant() {
        Tenant tenant = newTenant();
        App app = tenant.app(WRITE_ALL);
        String user = tenant.user("megan");
        tenant.policy("bots", app.id());
        tenant.grant("bots", user);

        JsonNode answer = explain(tenant.id, app.id(), user, "createOrGet");

        assertThat(answer.path("result").asText()).isEqualTo("allowed");
        assertThat(answer.path("permission").asText()).isEqualTo(WRITE_ALL);
        assertThat(answer.path("policy").path("identity").asText()).isEqualTo("bots");
        assertThat(answer.path("policy").path("grant").asText()).isEqualTo("user");
        assertThat(answer.path("explanation").asText())
                .contains("Policy 'bots', granted to user " + user)
                .contains("lists app " + app.id())
                .endsWith("Allowed.");
        assertThat(createOrGet(tenant.id, app, user).status()).isEqualTo(201);
    }

    @Test
    void allowsThroughTheTenantWideGrant() {
        Tenant tenant = newTenant();
        App app = tenant.app(WRITE_ALL);
        String user = tenant.user("adele");
        tenant.policy("everyone", app.id());
        tenant.grantTenantWide("everyone");

        JsonNode answer = explain(tenant.id, app.id(), "adele@" + tenant.domain(), "createOrGet");

        assertThat(answer.path("result").asText()).isEqualTo("allowed");
        assertThat(answer.path("policy").path("identity").asText()).isEqualTo("everyone");
        assertThat(answer.path("policy").path("grant").asText()).isEqualTo("tenant");
        assertThat(answer.path("explanation").asText()).contains("granted tenant-wide");
        assertThat(createOrGet(tenant.id, app, user).status()).isEqualTo(201);
    }

    @Test
    void deniesWhenNoPolicyIsGranted() {
        Tenant tenant = newTenant();
        App app = tenant.app(WRITE_ALL);
        String user = tenant.user("alex");
        tenant.policy("unused", app.id());

        JsonNode answer = explain(tenant.id, app.id(), user, "createOrGet");

        assertThat(answer.path("result").asText()).isEqualTo("denied");
        assertThat(answer.path("permission").asText()).isEqualTo(WRITE_ALL);
        assertThat(answer.path("policy").isNull()).isTrue();
        assertThat(answer.path("explanation").asText())
                .contains("No access policy is granted to user " + user)
                .contains("No application access policy found for this app");
        GraphResponse graph = createOrGet(tenant.id, app, user);
        assertThat(graph.status()).isEqualTo(403);
        assertThat(graph.errorMessage()).isEqualTo("No application access policy found for this app");
    }

    @Test
    void deniesWhenTheUsersOwnGrantOmitsTheAppThoughTheTenantWideOneListsIt() {
        Tenant tenant = newTenant();
        App app = tenant.app(WRITE_ALL);
        String user = tenant.user("lee");
        tenant.policy("others", UUID.randomUUID().toString());
        tenant.policy("bots", app.id());
        tenant.grant("others", user);
        tenant.grantTenantWide("bots");

        JsonNode answer = explain(tenant.id, app.id(), user, "update");

        assertThat(answer.path("result").asText()).isEqualTo("denied");
        assertThat(answer.path("policy").path("identity").asText()).isEqualTo("others");
        assertThat(answer.path("policy").path("grant").asText()).isEqualTo("user");
        assertThat(answer.path("explanation").asText())
                .contains("does not list app " + app.id())
                .contains("a user's own grant wins over the tenant-wide one");
        assertThat(createOrGet(tenant.id, app, user).status()).isEqualTo(403);
    }

    @Test
    void deniesForAMissingPermissionWhateverThePolicy() {
        Tenant tenant = newTenant();
        App app = tenant.app("OnlineMeetings.Read.All");
        String user = tenant.user("nestor");
        tenant.policy("bots", app.id());
        tenant.grant("bots", user);

        JsonNode write = explain(tenant.id, app.id(), user, "createOrGet");
        JsonNode read = explain(tenant.id, app.id(), user, "get");

        assertThat(write.path("result").asText()).isEqualTo("denied");
        assertThat(write.path("permission").isNull()).isTrue();
        assertThat(write.path("policy").path("identity").asText()).isEqualTo("bots");
        assertThat(write.path("explanation").asText())
                .contains("carry no permission createOrGet needs (OnlineMeetings.ReadWrite.All)")
                .contains("the app holds: OnlineMeetings.Read.All")
                .contains("403");
        assertThat(read.path("result").asText()).isEqualTo("allowed");
        assertThat(read.path("permission").asText()).isEqualTo("OnlineMeetings.Read.All");
        GraphResponse graph = createOrGet(tenant.id, app, user);
        assertThat(graph.status()).isEqualTo(403);
        assertThat(graph.errorMessage()).startsWith("Missing application permission");
    }

    @Test
    void deniesAnAppTheTenantDoesNotKnow() {
        Tenant tenant = newTenant();
        String stranger = UUID.randomUUID().toString();
        JsonNode answer = explain(tenant.id, stranger, tenant.user("pat"), "list");

        assertThat(answer.path("result").asText()).isEqualTo("denied");
        assertThat(answer.path("permission").isNull()).isTrue();
        assertThat(answer.path("explanation").asText()).contains("App " + stranger + " is not registered");
    }

    @Test
    void deniesForAUserNameNoOneHas() {
        Tenant tenant = newTenant();
        App app = tenant.app(WRITE_ALL);

        JsonNode answer = explain(tenant.id, app.id(), "nobody@" + tenant.domain(), "get");

        assertThat(answer.path("result").asText()).isEqualTo("denied");
        assertThat(answer.path("explanation").asText())
                .contains("404 Not Found")
                .contains("was not found");
    }

    @Test
    void refusesBadQueriesWith400AndChangesNothing() {
        Tenant tenant = newTenant();
        String base = "/admin/v1/tenants/" + tenant.id + "/explain";
        String app = UUID.randomUUID().toString();
        String user = UUID.randomUUID().toString();
        for (String query : new String[] {
            "",
            "?user=" + user + "&operation=get",
            "?app=" + app + "&operation=get",
            "?app=" + app + "&user=" + user,
            "?app=not-a-guid&user=" + user + "&operation=get",
            "?app=" + app + "&user=" + user + "&operation=joinMeeting",
            "?app=" + app + "&app=" + app + "&user=" + user + "&operation=get",
            "?app=" + app + "&user=%20%20&operation=get"
        }) {
            GraphResponse response = admin.get(base + query);
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.errorCode()).as(query).isEqualTo("BadRequest");
        }
        assertThat(admin.get("/admin/v1/tenants/" + tenant.id + "/grants")
                        .json()
                        .path("global")
                        .isNull())
                .isTrue();
    }

    @Test
    void answersAnUnknownTenantWith404AndARequestWithoutTheKeyWith401() {
        String query = "/explain?app=" + UUID.randomUUID() + "&user=" + UUID.randomUUID() + "&operation=get";
        GraphResponse unknown = admin.get("/admin/v1/tenants/" + UUID.randomUUID() + query);
        Tenant tenant = newTenant();
        GraphResponse keyless = admin.withKey(null).get("/admin/v1/tenants/" + tenant.id + query);

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("NotFound");
        assertThat(keyless.status()).isEqualTo(401);
    }

    private JsonNode explain(String tenantId, String appId, String user, String operation) {
        GraphResponse response = admin.get("/admin/v1/tenants/" + tenantId + "/explain?app=" + appId + "&user=" + user
                + "&operation=" + operation);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private GraphResponse createOrGet(String tenantId, App app, String user) {
        String token = TokenHttp.accessToken(server.tokens().clientCredentials(tenantId, app.id(), app.secret()));
        return server.http()
                .post(
                        "/v1.0/users/" + user + "/onlineMeetings/createOrGet",
                        token,
                        "{\"externalId\":\"explain-" + UUID.randomUUID() + "\",\"subject\":\"Explained\"}");
    }

    private Tenant newTenant() {
        String id = UUID.randomUUID().toString();
        assertThat(admin.post("/admin/v1/tenants", "{\"id\":\"" + id + "\",\"displayName\":\"Explained\"}")
                        .status())
                .isEqualTo(201);
        return new Tenant(id);
    }

    private record App(String id, String secret) {}

    /** A tenant made for one test, and the directory entries that test adds to it. */
    private final class Tenant {
        final String id;

        Tenant(String id) {
            this.id = id;
        }

        String domain() {
            return id.substring(0, 8) + ".example";
        }

        App app(String permission) {
            GraphResponse created = admin.post(
                    "/admin/v1/tenants/" + id + "/apps",
                    "{\"displayName\":\"Explained app\",\"permissions\":[\"" + permission + "\"]}");
            assertThat(created.status()).isEqualTo(201);
            return new App(
                    created.json().path("appId").asText(),
                    created.json().path("secretText").asText());
        }

        String user(String name) {
            String userId = UUID.randomUUID().toString();
            assertThat(admin.post(
                                    "/admin/v1/tenants/" + id + "/users",
                                    "{\"id\":\"" + userId + "\",\"userPrincipalName\":\"" + name + "@" + domain()
                                            + "\"}")
                            .status())
                    .isEqualTo(201);
            return userId;
        }

        void policy(String identity, String appId) {
            assertThat(admin.post(
                                    "/admin/v1/tenants/" + id + "/policies",
                                    "{\"identity\":\"" + identity + "\",\"appIds\":[\"" + appId + "\"]}")
                            .status())
                    .isEqualTo(201);
        }

        void grant(String policy, String userId) {
            assertThat(admin.put(
                                    "/admin/v1/tenants/" + id + "/grants/users/" + userId,
                                    "{\"policy\":\"" + policy + "\"}")
                            .status())
                    .isEqualTo(200);
        }

        void grantTenantWide(String policy) {
            assertThat(admin.put("/admin/v1/tenants/" + id + "/grants/global", "{\"policy\":\"" + policy + "\"}")
                            .status())
                    .isEqualTo(200);
        }
    }
}
