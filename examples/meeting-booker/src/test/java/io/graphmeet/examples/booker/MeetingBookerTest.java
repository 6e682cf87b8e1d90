package io.graphmeet.examples.booker;

import static io.graphmeet.testkit.journal.GraphRequests.createOrGet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.http.middleware.options.RetryHandlerOption;
import io.graphmeet.junit.GraphmeetTest;
import io.graphmeet.observe.GraphOperation;
import io.graphmeet.testkit.GraphmeetServer;
import io.graphmeet.testkit.TestTenant;
import io.graphmeet.testkit.faults.FaultRule;
import io.graphmeet.testkit.sdk.GraphClients;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The booker against a real graphmeet in this JVM: one server for the class, a fresh tenant per test, the
 * official Graph SDK as the application would configure it for Graph.
 */
@GraphmeetTest
class MeetingBookerTest {

    private static final OffsetDateTime NINE_AM = OffsetDateTime.of(2026, 12, 1, 9, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void booksTheAppointmentsMeetingOnceAndFindsItAgain(
            GraphServiceClient graph, TestTenant tenant, GraphmeetServer graphmeet) {
        MeetingBooker booker = new MeetingBooker(graph);

        Booking booked = booker.book(tenant.userId(), "42", "Check-up", NINE_AM, Duration.ofMinutes(30));
        Booking again = booker.book(tenant.userId(), "42", "Check-up", NINE_AM, Duration.ofMinutes(30));

        assertThat(booked.joinUrl()).startsWith(graphmeet.baseUrl());
        assertThat(again).isEqualTo(booked);
        graphmeet
                .verify(createOrGet()
                        .forUser(tenant.userId())
                        .withExternalId("appointment-42")
                        .withStatus(201))
                .calledTimes(1);
        graphmeet
                .verify(createOrGet()
                        .forUser(tenant.userId())
                        .withExternalId("appointment-42")
                        .withStatus(200))
                .calledTimes(1);
    }

    @Test
    void throttledTwiceTheSdkWaitsOutRetryAfterAndBooks(
            GraphServiceClient graph, TestTenant tenant, GraphmeetServer graphmeet) {
        graphmeet
                .faults()
                .add(FaultRule.throttle(1)
                        .on(GraphOperation.CREATE_OR_GET)
                        .inTenant(tenant.tenantId())
                        .times(2));

        Booking booked =
                new MeetingBooker(graph).book(tenant.userId(), "7", "Follow-up", NINE_AM, Duration.ofMinutes(15));

        assertThat(booked.meetingId()).isNotBlank();
        graphmeet.verify(createOrGet().forUser(tenant.userId())).calledTimes(3);
        graphmeet
                .verify(createOrGet().forUser(tenant.userId()).withStatus(429).withFault(null))
                .calledTimes(2);
        graphmeet
                .verify(createOrGet()
                        .forUser(tenant.userId())
                        .withExternalId("appointment-7")
                        .withStatus(201))
                .calledOnce();
    }

    @Test
    void aLostAnswerIsRetriedIntoTheSameMeetingStoredOnce(
            GraphClients clients, TestTenant tenant, GraphmeetServer graphmeet) {
        // A 503 without Retry-After waits the SDK's default 3 s before its retry; the booker's retry timing is
        // not what this test is about, so its client retries at once.
        GraphServiceClient graph = clients.withToken(
                tenant.appToken(), new RetryHandlerOption(null, RetryHandlerOption.DEFAULT_MAX_RETRIES, 0));
        graphmeet
                .faults()
                .add(FaultRule.commitThenFail(503)
                        .on(GraphOperation.CREATE_OR_GET)
                        .inTenant(tenant.tenantId())
                        .times(1));

        Booking booked =
                new MeetingBooker(graph).book(tenant.userId(), "lost", "Consultation", NINE_AM, Duration.ofMinutes(45));

        graphmeet
                .verify(createOrGet().forUser(tenant.userId()).withStatus(503).withFault(null))
                .calledOnce();
        graphmeet.verify(createOrGet().forUser(tenant.userId()).withStatus(200)).calledOnce();
        JsonNode stored = graphmeet
                .admin()
                .get("/admin/v1/tenants/" + tenant.tenantId() + "/meetings?externalId=appointment-lost")
                .path("value");
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).path("id").asText()).isEqualTo(booked.meetingId());
    }

    @Test
    void aFailedVerificationNamesTheNearMiss(GraphServiceClient graph, TestTenant tenant, GraphmeetServer graphmeet) {
        new MeetingBooker(graph).book(tenant.userId(), "8", "Review", NINE_AM, Duration.ofMinutes(30));

        assertThatThrownBy(() -> graphmeet
                        .verify(createOrGet().forUser(tenant.userId()).withExternalId("appointment-9"))
                        .calledTimes(1))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected exactly 1 request(s) matching operation \"createOrGet\", user \""
                        + tenant.userId() + "\", externalId \"appointment-9\", but 0 matched among 1 journaled.")
                .hasMessageContaining("Near misses (closest first):\n  #")
                .hasMessageContaining("externalId: expected \"appointment-9\" but was \"appointment-8\"");
    }
}
