package io.graphmeet.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphmeet.observe.GraphOperation;
import io.graphmeet.testkit.GraphmeetServer;
import io.graphmeet.testkit.TestTenant;
import io.graphmeet.testkit.faults.FaultRule;
import io.graphmeet.testkit.faults.Faults;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Fault rules set through the extension apply to Graph requests and are gone after the test that set them. */
@GraphmeetTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsAfterEachTest {

    @Test
    @Order(1)
    void aRuleSetInATestShapesItsRequests(GraphmeetServer graphmeet, TestTenant tenant) throws Exception {
        Faults.SetFault set = graphmeet
                .faults()
                .add(FaultRule.error(503)
                        .on(GraphOperation.CREATE_OR_GET)
                        .inTenant(tenant.tenantId())
                        .times(5));

        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(graphmeet.baseUrl() + "/v1.0/users/" + tenant.userId()
                                        + "/onlineMeetings/createOrGet"))
                                .header(
                                        "Authorization",
                                        "Bearer " + tenant.appToken().token())
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"externalId\":\"faulted\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(set.id()).isNotBlank();
        assertThat(graphmeet.faults().get(set.id()).remaining()).isEqualTo(4);
    }

    @Test
    @Order(2)
    void theNextTestFindsNoRuleLeft(GraphmeetServer graphmeet) {
        assertThat(graphmeet.faults().list()).isEmpty();
    }

    @Test
    @Order(3)
    void aRuleThatIsAlreadyGoneIsNoTrouble(GraphmeetServer graphmeet) {
        Faults.SetFault set = graphmeet
                .faults()
                .add(FaultRule.latency(java.time.Duration.ofMillis(1)).times(1));
        graphmeet.faults().clear();
        assertThat(graphmeet.faults().list()).extracting(Faults.SetFault::id).doesNotContain(set.id());
    }
}
