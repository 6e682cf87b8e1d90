package io.graphmeet.store;

import static io.graphmeet.store.HeldWriters.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;

import io.graphmeet.config.ConfigLoader;
import io.graphmeet.config.GraphmeetConfig;
import io.graphmeet.meetings.CreateOrGetOutcome;
import io.graphmeet.meetings.Meeting;
import io.graphmeet.meetings.MeetingKey;
import io.graphmeet.meetings.MeetingRequest;
import io.graphmeet.meetings.MeetingSearch;
import io.graphmeet.meetings.MeetingService;
import io.graphmeet.meetings.MeetingStore;
import io.graphmeet.meetings.Organizer;
import io.graphmeet.meetings.Person;
import io.graphmeet.meetings.RandomMeetingIdentifiers;
import io.graphmeet.testing.Backend;
import io.graphmeet.testing.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §2 "exactly one meeting per key" down the conflicting path, every run: the writers are held until every
 * caller has missed its lookup and is inserting, so all of them but one lose the insert on the unique index
 * and must be answered with the winner's meeting.
 *
 * <p>Planted bug: answering the loser of the insert ({@code KeyTaken}) with {@code Created} instead of
 * {@code Existing} in {@code MeetingService.createOrGet} made this test fail, by hand, on both backends (then
 * reverted); the HTTP-level {@code ExactlyOnceContract} caught it in only some runs.
 */
abstract class CreateOrGetRaceContract {

    private static final int CALLERS = 16;
    private static final String TENANT = "5f1c6d2e-8a4b-4c3d-9e0f-1a2b3c4d5e6f";
    private static final String USER = "0b7e4c2a-3d5f-4e6a-8b9c-0d1e2f3a4b5c";

    abstract Backend backend();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-12T09:15:02.4127391Z"));
    private GraphmeetConfig.Storage storage;
    private Database database;

    @BeforeEach
    void open(@TempDir Path scratch) {
        storage = ConfigLoader.load(null, backend().newStorage(scratch)).storage();
        database = Database.open(storage);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void callersThatAllMissTheLookupGetOneCreatedAndTheWinnersMeeting() throws Exception {
        InsertsCounted store = new InsertsCounted(database.meetings(), CALLERS);
        MeetingService meetings = new MeetingService(
                store,
                (tenant, user, upn) -> new Person(user, tenant, upn, null),
                new RandomMeetingIdentifiers(clock),
                clock,
                "https://graphmeet.example");
        MeetingRequest request = new MeetingRequest("race-1", "Race", null, null, List.of());
        int writers = database.dialect().writerThreads(storage.postgres().poolSize());

        List<Future<CreateOrGetOutcome>> calls = new ArrayList<>();
        try (HeldWriters held = HeldWriters.hold(work -> database.write(work), writers);
                ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < CALLERS; i++) {
                calls.add(callers.submit(() -> meetings.createOrGet(new Organizer(TENANT, USER), request)));
            }
            assertThat(store.inserting.await(PATIENCE.toSeconds(), TimeUnit.SECONDS))
                    .as("every caller missed the lookup and is inserting")
                    .isTrue();
            held.release();
        }

        List<CreateOrGetOutcome> outcomes = new ArrayList<>();
        for (Future<CreateOrGetOutcome> call : calls) {
            outcomes.add(call.get(PATIENCE.toSeconds(), TimeUnit.SECONDS));
        }
        assertThat(store.results)
                .filteredOn(MeetingStore.Inserted.class::isInstance)
                .hasSize(1);
        assertThat(store.results)
                .filteredOn(MeetingStore.KeyTaken.class::isInstance)
                .hasSize(CALLERS - 1);
        assertThat(outcomes)
                .filteredOn(CreateOrGetOutcome.Created.class::isInstance)
                .hasSize(1);
        assertThat(outcomes)
                .filteredOn(CreateOrGetOutcome.Existing.class::isInstance)
                .hasSize(CALLERS - 1);
        String winner = outcomes.stream()
                .filter(CreateOrGetOutcome.Created.class::isInstance)
                .findFirst()
                .orElseThrow()
                .meeting()
                .id();
        assertThat(outcomes).extracting(outcome -> outcome.meeting().id()).containsOnly(winner);
        assertThat(database.meetings().findByKey(new MeetingKey(TENANT, USER, "race-1"), clock.instant()))
                .map(Meeting::id)
                .contains(winner);
    }

    /** The real store, counting the callers that reach the insert and what each insert did. */
    private static final class InsertsCounted implements MeetingStore {
        private final MeetingStore store;
        final CountDownLatch inserting;
        final List<InsertResult> results = new CopyOnWriteArrayList<>();

        InsertsCounted(MeetingStore store, int callers) {
            this.store = store;
            this.inserting = new CountDownLatch(callers);
        }

        @Override
        public InsertResult insertUnlessKeyTaken(Meeting candidate, Instant now) {
            inserting.countDown();
            InsertResult result = store.insertUnlessKeyTaken(candidate, now);
            results.add(result);
            return result;
        }

        @Override
        public Optional<Meeting> findByKey(MeetingKey key, Instant now) {
            return store.findByKey(key, now);
        }

        @Override
        public Optional<Meeting> findById(String tenantId, String meetingId, Instant now) {
            return store.findById(tenantId, meetingId, now);
        }

        @Override
        public Optional<Meeting> findByJoinMeetingId(String tenantId, String joinMeetingId, Instant now) {
            return store.findByJoinMeetingId(tenantId, joinMeetingId, now);
        }

        @Override
        public UpdateResult update(Meeting changed, Instant now) {
            return store.update(changed, now);
        }

        @Override
        public List<Meeting> search(String tenantId, MeetingSearch search, Instant now) {
            return store.search(tenantId, search, now);
        }

        @Override
        public boolean delete(String tenantId, String meetingId, Instant now) {
            return store.delete(tenantId, meetingId, now);
        }

        @Override
        public int deleteAllOfTenant(String tenantId) {
            return store.deleteAllOfTenant(tenantId);
        }
    }
}
