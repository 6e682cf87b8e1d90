package io.graphmeet.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.graphmeet.testkit.admin.AdminException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The plain Java API, used without the JUnit extension, as another test framework would use it. */
class GraphmeetServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aFreshTenantsApplicationAndUserTokensBothBookTheSameMeetingForItsUser() throws Exception {
        try (GraphmeetServer graphmeet = GraphmeetServer.start()) {
            TestTenant tenant = graphmeet.newTenant();

            HttpResponse<String> asApp = createOrGet(
                    graphmeet,
                    "/v1.0/users/" + tenant.userId(),
                    tenant.appToken().token(),
                    "plain-api-1");
            HttpResponse<String> asUser =
                    createOrGet(graphmeet, "/v1.0/me", tenant.userToken().token(), "plain-api-1");

            assertThat(asApp.statusCode()).as(asApp.body()).isEqualTo(201);
            assertThat(asUser.statusCode()).as(asUser.body()).isEqualTo(200);
            JsonNode created = JSON.readTree(asApp.body());
            assertThat(JSON.readTree(asUser.body()).path("id").asText())
                    .isEqualTo(created.path("id").asText());
            assertThat(created.path("participants")
                            .path("organizer")
                            .path("upn")
                            .asText())
                    .isEqualTo(tenant.userPrincipalName());
        }
    }

    @Test
    void eachNewTenantIsItsOwnDirectoryWithTheTestPolicyGrantedTenantWide() {
        try (GraphmeetServer graphmeet = GraphmeetServer.start()) {
            TestTenant first = graphmeet.newTenant();
            TestTenant second = graphmeet.newTenant();

            assertThat(second.tenantId()).isNotEqualTo(first.tenantId());
            assertThat(second.appId()).isNotEqualTo(first.appId());
            JsonNode grants = graphmeet.admin().get("/admin/v1/tenants/" + first.tenantId() + "/grants");
            assertThat(grants.path("global").asText()).isEqualTo(first.policy());
            JsonNode app = graphmeet.admin().get("/admin/v1/tenants/" + first.tenantId() + "/apps/" + first.appId());
            assertThat(app.path("permissions").toString()).isEqualTo("[\"OnlineMeetings.ReadWrite.All\"]");
            assertThat(first.toString()).doesNotContain(first.appSecret()).doesNotContain(first.userPassword());
        }
    }

    @Test
    void theAdminClientCarriesGraphmeetsErrorCodeWhenRefused() {
        try (GraphmeetServer graphmeet = GraphmeetServer.start()) {
            TestTenant tenant = graphmeet.newTenant();

            assertThatThrownBy(() ->
                            graphmeet.admin().post("/admin/v1/tenants", java.util.Map.of("id", tenant.tenantId())))
                    .isInstanceOfSatisfying(AdminException.class, refused -> {
                        assertThat(refused.status()).isEqualTo(409);
                        assertThat(refused.getMessage()).contains("POST /admin/v1/tenants answered 409");
                    });
        }
    }

    @Test
    void closeStopsServingAndDeletesTheTemporaryFolder() throws Exception {
        GraphmeetServer graphmeet = GraphmeetServer.start();
        Path folder = graphmeet.folder();
        String baseUrl = graphmeet.baseUrl();
        assertThat(folder.resolve("data")).isDirectory();
        assertThat(Files.list(folder.resolve("data")).count()).isPositive();

        graphmeet.close();

        assertThat(folder).doesNotExist();
        assertThatThrownBy(() -> HTTP.send(
                        HttpRequest.newBuilder(URI.create(baseUrl + "/v1.0/me")).build(),
                        HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(ConnectException.class);
    }

    @Test
    void settingsReachTheServer() throws Exception {
        try (GraphmeetServer graphmeet = GraphmeetServer.builder()
                .setting("issuer.tokenLifetime", "PT2M")
                .start()) {
            TestTenant tenant = graphmeet.newTenant();

            java.time.Duration left = java.time.Duration.between(
                    java.time.Instant.now(), tenant.appToken().expiresAt());

            assertThat(left).isBetween(java.time.Duration.ofSeconds(100), java.time.Duration.ofSeconds(120));
        }
    }

    private static HttpResponse<String> createOrGet(
            GraphmeetServer graphmeet, String owner, String token, String externalId)
            throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(graphmeet.baseUrl() + owner + "/onlineMeetings/createOrGet"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"externalId\":\"" + externalId + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
