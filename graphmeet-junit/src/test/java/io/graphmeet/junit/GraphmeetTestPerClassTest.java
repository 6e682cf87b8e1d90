package io.graphmeet.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.graph.models.OnlineMeeting;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.onlinemeetings.createorget.CreateOrGetPostRequestBody;
import io.graphmeet.testkit.GraphmeetServer;
import io.graphmeet.testkit.TestTenant;
import io.graphmeet.testkit.TokenSource;
import io.graphmeet.testkit.admin.AdminClient;
import io.graphmeet.testkit.sdk.GraphClients;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** {@code @GraphmeetTest} with its default lifecycle: one graphmeet for the class, a fresh tenant for each test. */
@GraphmeetTest
class GraphmeetTestPerClassTest {

    private static final Set<String> SERVERS = ConcurrentHashMap.newKeySet();
    private static final Set<String> TENANTS = ConcurrentHashMap.newKeySet();
    private TestTenant fromBeforeEach;

    @BeforeEach
    void remember(TestTenant tenant) {
        fromBeforeEach = tenant;
    }

    @RepeatedTest(3)
    void everyTestGetsAFreshTenantOnTheClassesOneServer(
            GraphmeetServer graphmeet, TestTenant tenant, @GraphBaseUrl String baseUrl, @GraphBaseUrl URI baseUri) {
        assertThat(tenant).isSameAs(fromBeforeEach);
        assertThat(TENANTS.add(tenant.tenantId()))
                .as("a tenant no other test had")
                .isTrue();
        SERVERS.add(baseUrl);
        assertThat(baseUri).isEqualTo(URI.create(graphmeet.baseUrl()));
        assertThat(baseUrl).startsWith("http://127.0.0.1:");
    }

    @Test
    void injectsTheTenantsTokensAndTheAdminClient(
            TestTenant tenant,
            TokenSource appToken,
            @Delegated TokenSource userToken,
            AdminClient admin,
            GraphmeetServer graphmeet) {
        SERVERS.add(graphmeet.baseUrl());
        assertThat(appToken).isSameAs(tenant.appToken());
        assertThat(userToken).isSameAs(tenant.userToken());
        assertThat(admin).isSameAs(graphmeet.admin());
        assertThat(admin.get("/admin/v1/tenants/" + tenant.tenantId())
                        .path("id")
                        .asText())
                .isEqualTo(tenant.tenantId());
    }

    @Test
    void injectsGraphSdkClientsForTheTenantsApplicationAndUser(
            TestTenant tenant, GraphServiceClient asApp, @Delegated GraphServiceClient asUser, GraphClients clients) {
        OnlineMeeting booked = asApp.users()
                .byUserId(tenant.userId())
                .onlineMeetings()
                .createOrGet()
                .post(body("sdk-1"));
        OnlineMeeting again = asUser.me().onlineMeetings().createOrGet().post(body("sdk-1"));
        OnlineMeeting third = clients.application(tenant)
                .users()
                .byUserId(tenant.userId())
                .onlineMeetings()
                .createOrGet()
                .post(body("sdk-1"));

        assertThat(again.getId()).isEqualTo(booked.getId());
        assertThat(third.getId()).isEqualTo(booked.getId());
        assertThat(booked.getParticipants().getOrganizer().getUpn()).isEqualTo(tenant.userPrincipalName());
    }

    @Nested
    class NestedTests {
        @Test
        void shareTheOuterClassesServer(GraphmeetServer graphmeet, TestTenant tenant) {
            SERVERS.add(graphmeet.baseUrl());
            assertThat(TENANTS.add(tenant.tenantId())).isTrue();
        }
    }

    @AfterAll
    static void oneServerServedTheWholeClass() {
        assertThat(SERVERS).hasSize(1);
        assertThat(TENANTS).hasSize(4);
    }

    static CreateOrGetPostRequestBody body(String externalId) {
        CreateOrGetPostRequestBody body = new CreateOrGetPostRequestBody();
        body.setExternalId(externalId);
        return body;
    }
}
