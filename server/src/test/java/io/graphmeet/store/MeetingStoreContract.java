package io.graphmeet.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphmeet.config.ConfigLoader;
import io.graphmeet.meetings.Attendee;
import io.graphmeet.meetings.Meeting;
import io.graphmeet.meetings.MeetingKey;
import io.graphmeet.meetings.MeetingSearch;
import io.graphmeet.meetings.MeetingSettings;
import io.graphmeet.meetings.MeetingStore;
import io.graphmeet.meetings.MeetingStore.Gone;
import io.graphmeet.meetings.MeetingStore.IdentifierTaken;
import io.graphmeet.meetings.MeetingStore.InsertResult;
import io.graphmeet.meetings.MeetingStore.Inserted;
import io.graphmeet.meetings.MeetingStore.KeyTaken;
import io.graphmeet.meetings.MeetingStore.Stale;
import io.graphmeet.meetings.MeetingStore.Updated;
import io.graphmeet.meetings.ParticipantRole;
import io.graphmeet.meetings.Person;
import io.graphmeet.meetings.Timestamp;
import io.graphmeet.observe.Metrics;
import io.graphmeet.testing.Backend;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every outcome {@link MeetingStore}'s Javadoc promises, on a real database; one subclass per backend. Each test
 * works in a tenant of its own, so the tests share one database per class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MeetingStoreContract {

    static final Instant NOW = Instant.parse("2026-03-12T09:15:02.4127391Z");
    private static final int CONCURRENT_CALLERS = 16;
    private static final AtomicLong JOIN_IDS = new AtomicLong(100_000_000_000L);

    Database database;
    MeetingStore store;

    abstract Backend backend();

    @BeforeAll
    void open(@TempDir Path scratch) {
        database = StoreFixture.open(StoreFixture.newStorage(backend(), scratch));
        store = database.meetings();
    }

    @AfterAll
    void close() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aFreeKeyIsInsertedAndFoundByKeyIdAndJoinMeetingId() {
        Meeting meeting = fullMeeting(newTenant(), "ext-1");

        assertThat(store.insertUnlessKeyTaken(meeting, NOW)).isEqualTo(new Inserted());

        assertThat(store.findByKey(keyOf(meeting), NOW)).contains(meeting);
        assertThat(store.findById(meeting.tenantId(), meeting.id(), NOW)).contains(meeting);
        assertThat(store.findByJoinMeetingId(meeting.tenantId(), meeting.joinMeetingId(), NOW))
                .contains(meeting);
    }

    @Test
    void aMeetingIsFoundOnlyInItsOwnTenant() {
        Meeting meeting = meeting(newTenant(), "ext-1", NOW);
        store.insertUnlessKeyTaken(meeting, NOW);
        String otherTenant = newTenant();

        assertThat(store.findById(otherTenant, meeting.id(), NOW)).isEmpty();
        assertThat(store.findByJoinMeetingId(otherTenant, meeting.joinMeetingId(), NOW))
                .isEmpty();
        assertThat(store.findByKey(
                        new MeetingKey(otherTenant, meeting.organizer().id(), "ext-1"), NOW))
                .isEmpty();
    }

    @Test
    void aKeyHeldByALiveMeetingReturnsThatMeetingAndWritesNothing() {
        String tenantId = newTenant();
        Meeting first = meeting(tenantId, "ext-1", NOW);
        Meeting second = meeting(tenantId, "ext-1", NOW);
        store.insertUnlessKeyTaken(first, NOW);

        assertThat(store.insertUnlessKeyTaken(second, NOW)).isEqualTo(new KeyTaken(first));

        assertThat(store.findById(tenantId, second.id(), NOW)).isEmpty();
        assertThat(store.findByKey(keyOf(first), NOW)).contains(first);
    }

    @Test
    void aKeyHeldByAnExpiredMeetingIsTakenOverAndTheExpiredMeetingDeleted() {
        String tenantId = newTenant();
        Meeting expired = meeting(tenantId, "ext-1", NOW);
        store.insertUnlessKeyTaken(expired, NOW);
        Instant later = expired.expiryDateTime().instant().plusSeconds(1);
        Meeting successor = meeting(tenantId, "ext-1", later);

        assertThat(store.insertUnlessKeyTaken(successor, later)).isEqualTo(new Inserted());

        assertThat(store.findByKey(keyOf(successor), later)).contains(successor);
        assertThat(store.findById(tenantId, expired.id(), NOW))
                .as("deleted, not merely expired")
                .isEmpty();
    }

    @Test
    void aTakenMeetingIdIsIdentifierTakenAndWritesNothing() {
        String tenantId = newTenant();
        Meeting holder = meeting(tenantId, "ext-1", NOW);
        store.insertUnlessKeyTaken(holder, NOW);
        Meeting sameId =
                withIdentifiers(meeting(tenantId, "ext-2", NOW), holder.id(), holder.threadId(), nextJoinMeetingId());

        assertThat(store.insertUnlessKeyTaken(sameId, NOW)).isEqualTo(new IdentifierTaken());

        assertThat(store.findByKey(keyOf(sameId), NOW)).isEmpty();
        assertThat(store.findById(tenantId, holder.id(), NOW)).contains(holder);
    }

    @Test
    void aTakenJoinMeetingIdIsIdentifierTakenAndWritesNothing() {
        String tenantId = newTenant();
        Meeting holder = meeting(tenantId, "ext-1", NOW);
        store.insertUnlessKeyTaken(holder, NOW);
        Meeting candidate = meeting(tenantId, "ext-2", NOW);
        Meeting sameJoinId = withIdentifiers(candidate, candidate.id(), candidate.threadId(), holder.joinMeetingId());

        assertThat(store.insertUnlessKeyTaken(sameJoinId, NOW)).isEqualTo(new IdentifierTaken());

        assertThat(store.findById(tenantId, candidate.id(), NOW)).isEmpty();
    }

    @Test
    void meetingsWithoutExternalIdHoldNoKey() {
        String tenantId = newTenant();
        Meeting first = meeting(tenantId, null, NOW);
        Meeting second = meeting(tenantId, null, NOW);

        assertThat(store.insertUnlessKeyTaken(first, NOW)).isEqualTo(new Inserted());
        assertThat(store.insertUnlessKeyTaken(second, NOW)).isEqualTo(new Inserted());
        assertThat(store.insertUnlessKeyTaken(
                        withIdentifiers(
                                meeting(tenantId, null, NOW), first.id(), first.threadId(), nextJoinMeetingId()),
                        NOW))
                .isEqualTo(new IdentifierTaken());

        assertThat(store.findById(tenantId, first.id(), NOW)).contains(first);
        assertThat(store.findById(tenantId, second.id(), NOW)).contains(second);
    }

    @Test
    void manyCallersInsertingOneKeyAtOnceGetExactlyOneInserted() throws Exception {
        String tenantId = newTenant();
        List<Meeting> candidates = new ArrayList<>();
        for (int i = 0; i < CONCURRENT_CALLERS; i++) {
            candidates.add(meeting(tenantId, "contended", NOW));
        }

        List<InsertResult> results = simultaneously(i -> store.insertUnlessKeyTaken(candidates.get(i), NOW));

        assertThat(results).filteredOn(Inserted.class::isInstance).hasSize(1);
        Meeting winner = candidates.get(results.indexOf(new Inserted()));
        assertThat(results)
                .filteredOn(KeyTaken.class::isInstance)
                .hasSize(CONCURRENT_CALLERS - 1)
                .allSatisfy(result -> assertThat(((KeyTaken) result).existing()).isEqualTo(winner));
        assertThat(store.findByKey(keyOf(winner), NOW)).contains(winner);
    }

    /**
     * The inserts of one group commit go to the database together (on PostgreSQL as one statement): two requests
     * for one new key, one for a key already stored and one for a free key, queued behind the held writer so
     * they commit in one batch. Each key still gets exactly one meeting, and each loser is told the holder.
     *
     * <p>Planted bugs: counting every row of PostgreSQL's one insert as stored once any was returned
     * ({@code Sql.insertUnnested}), and counting SQLite's "0 rows" as stored ({@code Sql.insertEach}), each made
     * this test fail, by hand, on its backend (then reverted).
     */
    @Test
    void aBatchWithOneKeyTwiceAndOneKeyAlreadyStoredInsertsEachKeyOnce(@TempDir Path scratch) throws Exception {
        String tenantId = newTenant();
        List<Integer> batches = new CopyOnWriteArrayList<>();
        try (Database oneWriter = openWithOneWriter(scratch, batches)) {
            MeetingStore meetings = oneWriter.meetings();
            Meeting stored = meeting(tenantId, "stored", NOW);
            meetings.insertUnlessKeyTaken(stored, NOW);
            List<Meeting> batch = List.of(
                    meeting(tenantId, "twice", NOW),
                    meeting(tenantId, "twice", NOW),
                    meeting(tenantId, "stored", NOW),
                    meeting(tenantId, "free", NOW));

            List<InsertResult> results = inOneBatch(oneWriter, batch);

            assertThat(batches)
                    .as("the holding write, then the four inserts together")
                    .endsWith(1, 4);
            assertThat(results.subList(0, 2))
                    .filteredOn(Inserted.class::isInstance)
                    .hasSize(1);
            Meeting winner = batch.get(results.indexOf(new Inserted()));
            Meeting loser = batch.get(winner == batch.get(0) ? 1 : 0);
            assertThat(results.get(batch.indexOf(loser))).isEqualTo(new KeyTaken(winner));
            assertThat(results.get(2)).isEqualTo(new KeyTaken(stored));
            assertThat(results.get(3)).isEqualTo(new Inserted());
            assertThat(meetings.findByKey(keyOf(winner), NOW)).contains(winner);
            assertThat(meetings.findByKey(keyOf(stored), NOW)).contains(stored);
            assertThat(meetings.findByKey(keyOf(batch.get(3)), NOW)).contains(batch.get(3));
            assertThat(meetings.findById(tenantId, loser.id(), NOW)).isEmpty();
            assertThat(meetings.findById(tenantId, batch.get(2).id(), NOW)).isEmpty();
        }
    }

    /** As above, for two requests in one batch carrying one meeting id: one is stored, the other refused. */
    @Test
    void aBatchWithOneMeetingIdTwiceStoresItOnce(@TempDir Path scratch) throws Exception {
        String tenantId = newTenant();
        List<Integer> batches = new CopyOnWriteArrayList<>();
        try (Database oneWriter = openWithOneWriter(scratch, batches)) {
            Meeting first = meeting(tenantId, "ext-1", NOW);
            Meeting sameId =
                    withIdentifiers(meeting(tenantId, "ext-2", NOW), first.id(), first.threadId(), nextJoinMeetingId());
            Meeting other = meeting(tenantId, "ext-3", NOW);

            List<InsertResult> results = inOneBatch(oneWriter, List.of(first, sameId, other));

            assertThat(batches).endsWith(1, 3);
            assertThat(results.subList(0, 2)).containsExactlyInAnyOrder(new Inserted(), new IdentifierTaken());
            Meeting stored = results.get(0) instanceof Inserted ? first : sameId;
            assertThat(oneWriter.meetings().findById(tenantId, first.id(), NOW)).contains(stored);
            assertThat(results.get(2)).isEqualTo(new Inserted());
            assertThat(oneWriter.meetings().findByKey(keyOf(other), NOW)).contains(other);
        }
    }

    /** A new store on this backend with one writer thread, reporting the size of each group commit. */
    private Database openWithOneWriter(Path scratch, List<Integer> batches) {
        Map<String, String> settings = new HashMap<>(StoreFixture.newStorage(backend(), scratch));
        settings.put("GRAPHMEET_STORAGE_POSTGRES_POOL_SIZE", "2"); // half the pool writes: one writer
        return Database.open(ConfigLoader.load(null, settings).storage(), new Metrics() {
            @Override
            public void recordGroupCommit(int batchSize, long commitNanos) {
                batches.add(batchSize);
            }
        });
    }

    /** Inserts {@code meetings} from a thread each while the one writer is held; results in the same order. */
    private static List<InsertResult> inOneBatch(Database oneWriter, List<Meeting> meetings) throws Exception {
        List<Future<InsertResult>> calls = new ArrayList<>();
        try (HeldWriters held = HeldWriters.hold(work -> oneWriter.write(work), 1);
                ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Meeting meeting : meetings) {
                calls.add(callers.submit(() -> oneWriter.meetings().insertUnlessKeyTaken(meeting, NOW)));
            }
            HeldWriters.awaitUntil(() -> oneWriter.writesWaiting() == meetings.size(), "every insert is queued");
            held.release();
        }
        List<InsertResult> results = new ArrayList<>();
        for (Future<InsertResult> call : calls) {
            results.add(call.get(30, TimeUnit.SECONDS));
        }
        return results;
    }

    @Test
    void nothingIsFoundOnceAMeetingExpired() {
        Meeting meeting = meeting(newTenant(), "ext-1", NOW);
        store.insertUnlessKeyTaken(meeting, NOW);
        Instant expiry = meeting.expiryDateTime().instant();

        assertThat(store.findById(meeting.tenantId(), meeting.id(), expiry.minusMillis(1)))
                .contains(meeting);
        assertThat(store.findById(meeting.tenantId(), meeting.id(), expiry)).isEmpty();
        assertThat(store.findByKey(keyOf(meeting), expiry)).isEmpty();
        assertThat(store.findByJoinMeetingId(meeting.tenantId(), meeting.joinMeetingId(), expiry))
                .isEmpty();
    }

    @Test
    void anUpdateOfTheNextRevisionIsStoredButNeverRewritesIdentity() {
        Meeting meeting = fullMeeting(newTenant(), "ext-1");
        store.insertUnlessKeyTaken(meeting, NOW);
        Meeting changed = revised(meeting, "Renamed", NOW.plusSeconds(60));

        assertThat(store.update(changed, NOW.plusSeconds(60))).isEqualTo(new Updated());
        assertThat(store.findById(meeting.tenantId(), meeting.id(), NOW.plusSeconds(60)))
                .contains(changed);

        Meeting rewritingIdentity = new Meeting(
                changed.id(),
                changed.tenantId(),
                changed.organizer(),
                "other-ext",
                changed.threadId(),
                changed.joinWebUrl(),
                changed.joinMeetingId(),
                "other-passcode",
                changed.creationDateTime(),
                changed.startDateTime(),
                changed.endDateTime(),
                "Again",
                changed.attendees(),
                changed.settings(),
                changed.lastUpdateDateTime(),
                changed.revision() + 1);
        assertThat(store.update(rewritingIdentity, NOW.plusSeconds(60))).isEqualTo(new Updated());
        Meeting stored = store.findById(meeting.tenantId(), meeting.id(), NOW.plusSeconds(60))
                .orElseThrow();
        assertThat(stored.subject()).isEqualTo("Again");
        assertThat(stored.externalId()).isEqualTo("ext-1");
        assertThat(stored.passcode()).isEqualTo(meeting.passcode());
        assertThat(store.findByKey(keyOf(meeting), NOW.plusSeconds(60))).contains(stored);
    }

    @Test
    void anUpdateOfAnOlderRevisionIsStaleAndWritesNothing() {
        Meeting meeting = meeting(newTenant(), "ext-1", NOW);
        store.insertUnlessKeyTaken(meeting, NOW);
        store.update(revised(meeting, "First", NOW), NOW);

        assertThat(store.update(revised(meeting, "Second", NOW), NOW)).isEqualTo(new Stale());

        assertThat(store.findById(meeting.tenantId(), meeting.id(), NOW)
                        .orElseThrow()
                        .subject())
                .isEqualTo("First");
    }

    @Test
    void anUpdateOfAMissingOrExpiredMeetingIsGone() {
        Meeting never = meeting(newTenant(), "ext-1", NOW);
        assertThat(store.update(revised(never, "x", NOW), NOW)).isEqualTo(new Gone());

        Meeting meeting = meeting(newTenant(), "ext-1", NOW);
        store.insertUnlessKeyTaken(meeting, NOW);
        Instant expiry = meeting.expiryDateTime().instant();
        assertThat(store.update(revised(meeting, "x", NOW), expiry)).isEqualTo(new Gone());
        assertThat(store.findById(meeting.tenantId(), meeting.id(), NOW).orElseThrow())
                .isEqualTo(meeting);
    }

    @Test
    void ofManyConcurrentUpdatesOfOneRevisionExactlyOneIsStored() throws Exception {
        Meeting meeting = meeting(newTenant(), "ext-1", NOW);
        store.insertUnlessKeyTaken(meeting, NOW);

        List<MeetingStore.UpdateResult> results =
                simultaneously(i -> store.update(revised(meeting, "by " + i, NOW), NOW));

        assertThat(results).filteredOn(Updated.class::isInstance).hasSize(1);
        assertThat(results).filteredOn(Stale.class::isInstance).hasSize(CONCURRENT_CALLERS - 1);
        int winner = results.indexOf(new Updated());
        assertThat(store.findById(meeting.tenantId(), meeting.id(), NOW)
                        .orElseThrow()
                        .subject())
                .isEqualTo("by " + winner);
    }

    @Test
    void aDeletedMeetingIsGoneAndItsKeyAndJoinMeetingIdAreFreeAgain() {
        String tenantId = newTenant();
        Meeting meeting = meeting(tenantId, "ext-1", NOW);
        store.insertUnlessKeyTaken(meeting, NOW);
        assertThat(store.findByKey(keyOf(meeting), NOW)).contains(meeting);

        assertThat(store.delete(tenantId, meeting.id(), NOW)).isTrue();
        assertThat(store.delete(tenantId, meeting.id(), NOW)).isFalse();

        assertThat(store.findById(tenantId, meeting.id(), NOW)).isEmpty();
        assertThat(store.findByKey(keyOf(meeting), NOW)).isEmpty();
        Meeting successor = meeting(tenantId, "ext-1", NOW);
        Meeting reusingJoinId =
                withIdentifiers(successor, successor.id(), successor.threadId(), meeting.joinMeetingId());
        assertThat(store.insertUnlessKeyTaken(reusingJoinId, NOW)).isEqualTo(new Inserted());
    }

    @Test
    void deletingAMissingExpiredOrOtherTenantsMeetingChangesNothing() {
        Meeting meeting = meeting(newTenant(), "ext-1", NOW);
        store.insertUnlessKeyTaken(meeting, NOW);

        assertThat(store.delete(meeting.tenantId(), "no-such-meeting", NOW)).isFalse();
        assertThat(store.delete(newTenant(), meeting.id(), NOW)).isFalse();
        assertThat(store.delete(
                        meeting.tenantId(),
                        meeting.id(),
                        meeting.expiryDateTime().instant()))
                .isFalse();

        assertThat(store.findById(meeting.tenantId(), meeting.id(), NOW)).contains(meeting);
    }

    @Test
    void ofManyConcurrentDeletesOfOneMeetingExactlyOneSaysItDeleted() throws Exception {
        Meeting meeting = meeting(newTenant(), "ext-1", NOW);
        store.insertUnlessKeyTaken(meeting, NOW);

        List<Boolean> results = simultaneously(i -> store.delete(meeting.tenantId(), meeting.id(), NOW));

        assertThat(results).containsOnlyOnce(true);
    }

    @Test
    void deletingATenantsMeetingsRemovesLiveAndExpiredOnesOfThatTenantOnly() {
        String tenantId = newTenant();
        Meeting expired = meeting(tenantId, "ext-1", NOW);
        Meeting plain = meeting(tenantId, null, NOW);
        Meeting other = meeting(newTenant(), "ext-1", NOW);
        store.insertUnlessKeyTaken(expired, NOW);
        store.insertUnlessKeyTaken(plain, NOW);
        store.insertUnlessKeyTaken(other, NOW);
        Instant later = expired.expiryDateTime().instant().plusSeconds(1);
        Meeting live = meeting(tenantId, "ext-2", later);
        store.insertUnlessKeyTaken(live, later);

        assertThat(store.deleteAllOfTenant(tenantId)).isEqualTo(3);

        assertThat(store.findByKey(keyOf(live), later)).isEmpty();
        assertThat(store.findById(tenantId, expired.id(), NOW)).isEmpty();
        assertThat(store.findById(other.tenantId(), other.id(), NOW)).contains(other);
        assertThat(store.insertUnlessKeyTaken(meeting(tenantId, "ext-2", later), later))
                .isEqualTo(new Inserted());
    }

    private static final Person BOB = new Person("7c9e6679-7425-40de-944b-e07fc1f90ae7", "t", "Bob@Contoso.com", "Bob");

    /** {@code meeting} starting at {@code start} (as written, with its fraction digits), organized by {@code by}. */
    static Meeting startingAt(Meeting meeting, String start, Person by) {
        Person organizer =
                by == null ? meeting.organizer() : new Person(by.id(), meeting.tenantId(), by.upn(), by.displayName());
        return new Meeting(
                meeting.id(),
                meeting.tenantId(),
                organizer,
                meeting.externalId(),
                meeting.threadId(),
                meeting.joinWebUrl(),
                meeting.joinMeetingId(),
                meeting.passcode(),
                meeting.creationDateTime(),
                Timestamp.parseOrNull(start),
                meeting.endDateTime(),
                meeting.subject(),
                meeting.attendees(),
                meeting.settings(),
                meeting.lastUpdateDateTime(),
                meeting.revision());
    }

    static MeetingSearch search(
            String organizerId,
            String organizerUpn,
            String externalId,
            String meetingId,
            String startFrom,
            String startBefore) {
        return new MeetingSearch(
                organizerId,
                organizerUpn,
                externalId,
                meetingId,
                startFrom == null ? null : Instant.parse(startFrom),
                startBefore == null ? null : Instant.parse(startBefore),
                0,
                100);
    }

    static final MeetingSearch EVERY = new MeetingSearch(null, null, null, null, null, null, 0, 100);

    @Test
    void searchFindsTheTenantsLiveMeetingsOrderedByStartTimeNotByItsText() {
        String tenantId = newTenant();
        // the same second with 0, 1 and 7 fraction digits: as text "…00Z" would sort after "…00.5Z"
        Meeting late = startingAt(meeting(tenantId, "late", NOW), "2026-04-01T10:00:00.5Z", null);
        Meeting early = startingAt(meeting(tenantId, "early", NOW), "2026-04-01T10:00:00Z", null);
        Meeting middle = startingAt(meeting(tenantId, "middle", NOW), "2026-04-01T10:00:00.1000000Z", null);
        Meeting offset = startingAt(meeting(tenantId, "offset", NOW), "2026-04-01T11:30:00+02:00", null);
        Meeting expired =
                startingAt(meeting(tenantId, "expired", NOW.minus(Duration.ofDays(90))), "2026-04-01T10:00:00Z", null);
        for (Meeting meeting : List.of(late, early, middle, offset, expired, meeting(newTenant(), "elsewhere", NOW))) {
            store.insertUnlessKeyTaken(meeting, NOW.minus(Duration.ofDays(90)));
        }

        assertThat(store.search(tenantId, EVERY, NOW)).containsExactly(offset, early, middle, late);
        assertThat(store.search(newTenant(), EVERY, NOW)).isEmpty();
    }

    @Test
    void searchFiltersByOrganizerIdOrUpnExternalIdMeetingIdAndStartRange() {
        String tenantId = newTenant();
        Meeting megans = startingAt(meeting(tenantId, "m-1", NOW), "2026-04-01T09:00:00Z", null);
        Meeting bobs = startingAt(meeting(tenantId, "b-1", NOW), "2026-04-02T09:00:00.25Z", BOB);
        Meeting bobsPlain = startingAt(meeting(tenantId, null, NOW), "2026-04-03T09:00:00Z", BOB);
        List.of(megans, bobs, bobsPlain).forEach(meeting -> store.insertUnlessKeyTaken(meeting, NOW));

        assertThat(store.search(tenantId, search(BOB.id(), null, null, null, null, null), NOW))
                .containsExactly(bobs, bobsPlain);
        assertThat(store.search(tenantId, search(null, "bob@contoso.COM", null, null, null, null), NOW))
                .containsExactly(bobs, bobsPlain);
        assertThat(store.search(tenantId, search(null, null, "m-1", null, null, null), NOW))
                .containsExactly(megans);
        assertThat(store.search(tenantId, search(null, null, null, bobs.id(), null, null), NOW))
                .containsExactly(bobs);
        assertThat(store.search(
                        tenantId,
                        search(null, null, null, null, "2026-04-02T09:00:00.25Z", "2026-04-03T09:00:00Z"),
                        NOW))
                .containsExactly(bobs);
        assertThat(store.search(tenantId, search(null, null, null, null, "2026-04-02T09:00:00.2500001Z", null), NOW))
                .containsExactly(bobsPlain);
        assertThat(store.search(tenantId, search(BOB.id(), null, "m-1", null, null, null), NOW))
                .isEmpty();
        assertThat(store.search(newTenant(), search(null, null, null, bobs.id(), null, null), NOW))
                .isEmpty();
    }

    @Test
    void searchCutsOnePageOutOfTheOrderedMeetings() {
        String tenantId = newTenant();
        List<Meeting> meetings = new ArrayList<>();
        for (int day = 1; day <= 5; day++) {
            Meeting meeting = startingAt(meeting(tenantId, "p-" + day, NOW), "2026-04-0" + day + "T09:00:00Z", null);
            store.insertUnlessKeyTaken(meeting, NOW);
            meetings.add(meeting);
        }

        assertThat(store.search(tenantId, new MeetingSearch(null, null, null, null, null, null, 0, 2), NOW))
                .containsExactlyElementsOf(meetings.subList(0, 2));
        assertThat(store.search(tenantId, new MeetingSearch(null, null, null, null, null, null, 2, 2), NOW))
                .containsExactlyElementsOf(meetings.subList(2, 4));
        assertThat(store.search(tenantId, new MeetingSearch(null, null, null, null, null, null, 4, 2), NOW))
                .containsExactly(meetings.get(4));
        assertThat(store.search(tenantId, new MeetingSearch(null, null, null, null, null, null, 5, 2), NOW))
                .isEmpty();
    }

    @Test
    void aRowAsTheCurrentSchemaWritesItIsReadBackWhole() {
        String tenantId = newTenant();
        Meeting expected = withColumnsOfTenantT1(fullMeeting(tenantId, "ext-1"));
        database.write(connection -> Sql.update(
                connection,
                "INSERT INTO meetings (id, tenant_id, organizer_id, "
                        + "external_id, thread_id, join_meeting_id, join_web_url, passcode, created_at, start_at, end_at, "
                        + "expires_at_ms, subject, organizer_upn, organizer_name, attendees, settings, updated_at, revision) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, 1)",
                expected.id(),
                tenantId,
                expected.organizer().id(),
                "ext-1",
                expected.threadId(),
                expected.joinMeetingId(),
                expected.joinWebUrl(),
                expected.passcode(),
                expected.creationDateTime().toString(),
                expected.startDateTime().toString(),
                expected.endDateTime().toString(),
                expected.expiryDateTime().instant().toEpochMilli(),
                expected.subject(),
                expected.organizer().upn(),
                expected.organizer().displayName(),
                StoredColumnsOfTheCurrentSchema.FULL_ATTENDEES,
                StoredColumnsOfTheCurrentSchema.FULL_SETTINGS));

        assertThat(store.findById(tenantId, expected.id(), NOW)).contains(expected);
        assertThat(store.findByKey(keyOf(expected), NOW)).contains(expected);
    }

    /** {@code meeting} with the attendees of {@link StoredColumnsOfTheCurrentSchema}, who belong to tenant t-1. */
    private static Meeting withColumnsOfTenantT1(Meeting meeting) {
        Meeting t1 = fullMeeting("t-1", "ext-1");
        return new Meeting(
                meeting.id(),
                meeting.tenantId(),
                meeting.organizer(),
                meeting.externalId(),
                meeting.threadId(),
                meeting.joinWebUrl(),
                meeting.joinMeetingId(),
                meeting.passcode(),
                meeting.creationDateTime(),
                meeting.startDateTime(),
                meeting.endDateTime(),
                meeting.subject(),
                t1.attendees(),
                t1.settings(),
                null,
                Meeting.FIRST_REVISION);
    }

    String newTenant() {
        return UUID.randomUUID().toString();
    }

    static MeetingKey keyOf(Meeting meeting) {
        return new MeetingKey(meeting.tenantId(), meeting.organizer().id(), meeting.externalId());
    }

    /** A meeting created at {@code createdAt}, lasting half an hour from then, with default settings. */
    static Meeting meeting(String tenantId, String externalId, Instant createdAt) {
        Person organizer = new Person("0f3d1c2b-4a5e-4f60-8a7b-9c8d7e6f5a4b", tenantId, "megan@contoso.com", "Megan");
        String thread = "19:meeting_" + UUID.randomUUID() + "@thread.v2";
        String id = "MSo" + UUID.randomUUID();
        Timestamp created = Timestamp.of(createdAt);
        return new Meeting(
                id,
                tenantId,
                organizer,
                externalId,
                thread,
                "https://teams.example/l/" + id,
                nextJoinMeetingId(),
                null,
                created,
                created,
                created.plus(Duration.ofMinutes(30)),
                "Subject",
                List.of(),
                MeetingSettings.defaults(),
                null,
                Meeting.FIRST_REVISION);
    }

    /** A meeting whose every field holds a value, so that a round trip shows any field lost. */
    static Meeting fullMeeting(String tenantId, String externalId) {
        Meeting plain = meeting(tenantId, externalId, NOW);
        List<Attendee> attendees = List.of(
                new Attendee(new Person("a1", tenantId, "adele@contoso.com", "Adele Vance"), ParticipantRole.PRESENTER),
                new Attendee(new Person("a2", tenantId, null, null), ParticipantRole.COORGANIZER));
        MeetingSettings settings = new MeetingSettings(
                MeetingSettings.Presenters.ROLE_IS_PRESENTER,
                MeetingSettings.LobbyAdmitters.ORGANIZER_AND_CO_ORGANIZERS,
                MeetingSettings.ChatMode.LIMITED,
                MeetingSettings.LiveShare.DISABLED,
                MeetingSettings.ChatHistory.NONE,
                false,
                true,
                null,
                false,
                true,
                false,
                true,
                false,
                true,
                false,
                true,
                true,
                false,
                new MeetingSettings.LobbyBypass(MeetingSettings.LobbyBypassScope.INVITED, true),
                new MeetingSettings.Watermark(true, null),
                true,
                "de-DE",
                "template-1",
                "label-1",
                List.of(ParticipantRole.ATTENDEE, ParticipantRole.PRESENTER));
        return new Meeting(
                plain.id(),
                tenantId,
                plain.organizer(),
                externalId,
                plain.threadId(),
                plain.joinWebUrl(),
                plain.joinMeetingId(),
                "Pa55wd",
                new Timestamp(NOW, 3),
                Timestamp.parseOrNull("2026-05-06T01:49:21Z"),
                Timestamp.parseOrNull("2026-05-06T02:19:21.3524945+02:00"),
                "Full meeting \u00e9\u00e8 \"quoted\"",
                attendees,
                settings,
                null,
                Meeting.FIRST_REVISION);
    }

    /** The next revision of {@code meeting}, renamed and updated at {@code at}. */
    static Meeting revised(Meeting meeting, String subject, Instant at) {
        return new Meeting(
                meeting.id(),
                meeting.tenantId(),
                meeting.organizer(),
                meeting.externalId(),
                meeting.threadId(),
                meeting.joinWebUrl(),
                meeting.joinMeetingId(),
                meeting.passcode(),
                meeting.creationDateTime(),
                meeting.startDateTime(),
                meeting.endDateTime(),
                subject,
                meeting.attendees(),
                meeting.settings(),
                Timestamp.of(at),
                meeting.revision() + 1);
    }

    static Meeting withIdentifiers(Meeting meeting, String id, String threadId, String joinMeetingId) {
        return new Meeting(
                id,
                meeting.tenantId(),
                meeting.organizer(),
                meeting.externalId(),
                threadId,
                meeting.joinWebUrl(),
                joinMeetingId,
                meeting.passcode(),
                meeting.creationDateTime(),
                meeting.startDateTime(),
                meeting.endDateTime(),
                meeting.subject(),
                meeting.attendees(),
                meeting.settings(),
                meeting.lastUpdateDateTime(),
                meeting.revision());
    }

    static String nextJoinMeetingId() {
        return Long.toString(JOIN_IDS.incrementAndGet());
    }

    /** Runs {@link #CONCURRENT_CALLERS} calls on as many threads, released together; results in call order. */
    static <T> List<T> simultaneously(IntFunction<T> call) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService executor = Executors.newFixedThreadPool(CONCURRENT_CALLERS)) {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < CONCURRENT_CALLERS; i++) {
                int index = i;
                Callable<T> task = () -> {
                    start.await();
                    return call.apply(index);
                };
                futures.add(executor.submit(task));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(30, TimeUnit.SECONDS));
            }
            return results;
        }
    }
}
