package io.graphmeet.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphmeet.config.ConfigLoader;
import io.graphmeet.config.GraphmeetConfig;
import io.graphmeet.store.Database;
import io.graphmeet.testing.Backend;
import io.graphmeet.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Graph's limits on a moved-by-hand clock, their counts kept in a real database and shared by two nodes. */
class ThrottleTest {

    private static final String TENANT = "tenant-a";
    private static final String OTHER_TENANT = "tenant-b";
    private static final String APP = "app-1";
    private static final Instant WINDOW_START = Instant.parse("2026-11-30T10:00:00Z");

    private final MutableClock clock = new MutableClock(WINDOW_START.plusSeconds(3));
    private Database database;

    @TempDir
    Path scratch;

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void refusesPastTheTenantLimitUntilItsWindowEnds() {
        try (Throttle throttle = throttle(Backend.EMBEDDED, limits(1000, 3, 100))) {
            for (int i = 0; i < 3; i++) {
                assertThat(throttle.admitRequest(TENANT, APP)).isEmpty();
            }
            Optional<Refusal> refused = throttle.admitRequest(TENANT, APP);

            assertThat(refused).hasValueSatisfying(refusal -> {
                assertThat(refusal.limit()).isEqualTo(Throttle.TENANT);
                assertThat(refusal.retryAfterSeconds()).isEqualTo(12); // the 15 s window began 3 s ago
            });
            assertThat(throttle.admitRequest(OTHER_TENANT, APP)).isEmpty();
            clock.advance(Duration.ofSeconds(12));
            assertThat(throttle.admitRequest(TENANT, APP)).isEmpty();
        }
    }

    @Test
    void theAppLimitCountsEveryTenant() {
        try (Throttle throttle = throttle(Backend.EMBEDDED, limits(4, 1000, 100))) {
            for (int i = 0; i < 4; i++) {
                assertThat(throttle.admitRequest(i % 2 == 0 ? TENANT : OTHER_TENANT, APP))
                        .isEmpty();
            }

            assertThat(throttle.admitRequest("tenant-c", APP)).hasValueSatisfying(refusal -> {
                assertThat(refusal.limit()).isEqualTo(Throttle.APP);
                assertThat(refusal.retryAfterSeconds()).isEqualTo(7); // the 10 s window began 3 s ago
            });
            assertThat(throttle.admitRequest(TENANT, "another-app")).isEmpty();
        }
    }

    @Test
    void meetingsPerUserCountOnlyCreatedMeetingsAndStartAgainNextMonth() {
        try (Throttle throttle = throttle(Backend.EMBEDDED, limits(1000, 1000, 2))) {
            assertThat(throttle.admitMeetingCreation(TENANT, "megan")).isEmpty();
            throttle.meetingCreated(TENANT, "megan");
            assertThat(throttle.admitMeetingCreation(TENANT, "megan")).isEmpty();
            throttle.meetingCreated(TENANT, "megan");

            assertThat(throttle.admitMeetingCreation(TENANT, "megan")).hasValueSatisfying(refusal -> {
                assertThat(refusal.limit()).isEqualTo(Throttle.USER_MEETINGS);
                assertThat(clock.instant().plus(refusal.retryAfter())).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
            });
            assertThat(throttle.admitMeetingCreation(TENANT, "adele")).isEmpty();
            clock.advance(Duration.ofDays(1));
            assertThat(throttle.admitMeetingCreation(TENANT, "megan")).isEmpty();
        }
    }

    @Test
    void countsOnTheirWayToTheSharedCountStillCount() {
        database = Database.open(
                ConfigLoader.load(null, Backend.EMBEDDED.newStorage(scratch)).storage());
        List<Optional<Refusal>> seenWhileSharing = new ArrayList<>();
        AtomicReference<Throttle> node = new AtomicReference<>();
        SharedCounts watched = new SharedCounts() {
            @Override
            public List<Long> add(List<Delta> deltas) {
                seenWhileSharing.add(node.get().admitMeetingCreation(TENANT, "megan"));
                return database.sharedCounts().add(deltas);
            }

            @Override
            public void forgetBefore(long endMillis) {
                database.sharedCounts().forgetBefore(endMillis);
            }
        };
        try (Throttle throttle = Throttle.of(limits(1000, 1000, 2), watched, clock)) {
            node.set(throttle);
            throttle.meetingCreated(TENANT, "megan");
            throttle.meetingCreated(TENANT, "megan");

            throttle.synchronise();

            assertThat(seenWhileSharing)
                    .singleElement()
                    .satisfies(refusal -> assertThat(refusal).isPresent());
            assertThat(throttle.admitMeetingCreation(TENANT, "megan")).isPresent();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void nodesOnOneDatabaseEnforceOneLimitOnceTheyHaveSynchronised(Backend backend) {
        GraphmeetConfig.Throttle limits = limits(1000, 10, 100);
        try (Throttle first = throttle(backend, limits);
                Throttle second = Throttle.of(limits, database.sharedCounts(), clock)) {
            for (int i = 0; i < 6; i++) {
                assertThat(first.admitRequest(TENANT, APP)).isEmpty();
            }
            first.synchronise();
            // the second node learns of the window with its first request, at its next synchronisation
            assertThat(second.admitRequest(TENANT, APP)).isEmpty();
            second.synchronise();
            for (int i = 0; i < 3; i++) {
                assertThat(second.admitRequest(TENANT, APP)).isEmpty();
            }

            assertThat(second.admitRequest(TENANT, APP)).isPresent();
            second.synchronise();
            first.synchronise();
            assertThat(first.admitRequest(TENANT, APP)).isPresent();
        }
    }

    private Throttle throttle(Backend backend, GraphmeetConfig.Throttle limits) {
        database = Database.open(
                ConfigLoader.load(null, backend.newStorage(scratch)).storage());
        return Throttle.of(limits, database.sharedCounts(), clock);
    }

    /** Graph's windows (10 s per app, 15 s per app and tenant); synchronised by the test, not the timer. */
    private static GraphmeetConfig.Throttle limits(int perApp, int perTenant, int meetingsPerMonth) {
        return new GraphmeetConfig.Throttle(
                true,
                perApp,
                Duration.ofSeconds(10),
                perTenant,
                Duration.ofSeconds(15),
                meetingsPerMonth,
                Duration.ofHours(1));
    }
}
