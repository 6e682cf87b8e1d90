package io.graphmeet.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphmeet.config.ConfigLoader;
import io.graphmeet.config.GraphmeetConfig;
import io.graphmeet.meetings.Attendee;
import io.graphmeet.meetings.Meeting;
import io.graphmeet.meetings.MeetingIds;
import io.graphmeet.meetings.MeetingKey;
import io.graphmeet.meetings.MeetingSettings;
import io.graphmeet.meetings.MeetingStore;
import io.graphmeet.meetings.ParticipantRole;
import io.graphmeet.meetings.Person;
import io.graphmeet.meetings.Timestamp;
import io.graphmeet.testing.Backend;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@link MeetingStore} port's Javadoc, outcome by outcome, on a real database of each backend. */
abstract class MeetingStoreContract {

    static final String TENANT = "5f1c6d2e-8a4b-4c3d-9e0f-1a2b3c4d5e6f";
    static final String OTHER_TENANT = "7a2b3c4d-1111-4222-8333-944455566677";
    static final String MEGAN = "0b7e4c2a-3d5f-4e6a-8b9c-0d1e2f3a4b5c";
    static final String ADELE = "1f35f2e6-9cab-44ad-8d5a-b74c14720000";
    static final Instant NOW = Instant.parse("2026-03-12T09:15:02.4127391Z");

    abstract Backend backend();

    private GraphmeetConfig.Storage storage;
    private Database database;
    private MeetingStore store;

    @BeforeEach
    void open(@TempDir Path scratch) {
        storage = ConfigLoader.load(null, backend().newStorage(scratch)).storage();
        database = Database.open(storage);
        store = database.meetings();
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aMeetingIsStoredWholeAndFoundByEachOfItsHandles() {
        Meeting meeting = meeting(TENANT, MEGAN, "ext-1", NOW);

        assertThat(store.insertUnlessKeyTaken(meeting, NOW)).isEqualTo(new MeetingStore.Inserted());

        assertThat(store.findByKey(key(TENANT, MEGAN, "ext-1"), NOW)).contains(meeting);
        assertThat(store.findById(TENANT, meeting.id(), NOW)).contains(meeting);
        assertThat(store.findByJoinMeetingId(TENANT, meeting.joinMeetingId(), NOW)).contains(meeting);
        database.close();
        database = Database.open(storage);
        store = database.meetings();
        assertThat(store.findById(TENANT, meeting.id(), NOW)).contains(meeting);
        assertThat(store.findByKey(key(TENANT, MEGAN, "ext-1"), NOW)).contains(meeting);
    }

    @Test
    void eachHandleIsScopedToItsTenant() {
        Meeting meeting = meeting(TENANT, MEGAN, "ext-1", NOW);
        store.insertUnlessKeyTaken(meeting, NOW);

        assertThat(store.findByKey(key(OTHER_TENANT, MEGAN, "ext-1"), NOW)).isEmpty();
        assertThat(store.findById(OTHER_TENANT, meeting.id(), NOW)).isEmpty();
        assertThat(store.findByJoinMeetingId(OTHER_TENANT, meeting.joinMeetingId(), NOW)).isEmpty();
        assertThat(store.findByKey(key(TENANT, ADELE, "ext-1"), NOW)).isEmpty();
        assertThat(store.findByKey(key(TENANT, MEGAN, "ext-2"), NOW)).isEmpty();
    }

    @Test
    void aLiveKeyHolderIsReturnedAndAnExpiredOneIsReplaced() {
        Meeting first = meeting(TENANT, MEGAN, "ext-1", NOW);
        store.insertUnlessKeyTaken(first, NOW);

        assertThat(store.insertUnlessKeyTaken(meeting(TENANT, MEGAN, "ext-1", NOW), NOW))
                .isEqualTo(new MeetingStore.KeyTaken(first));

        Instant later = first.expiryDateTime().instant();
        assertThat(store.findByKey(key(TENANT, MEGAN, "ext-1"), later)).isEmpty();
        assertThat(store.findById(TENANT, first.id(), later)).isEmpty();
        Meeting second = meeting(TENANT, MEGAN, "ext-1", later);
        assertThat(store.insertUnlessKeyTaken(second, later)).isEqualTo(new MeetingStore.Inserted());
        assertThat(store.findByKey(key(TENANT, MEGAN, "ext-1"), later)).contains(second);
        assertThat(store.findById(TENANT, first.id(), NOW)).as("the expired holder is gone").isEmpty();
    }

    @Test
    void aTakenIdentifierIsSaidSo() {
        Meeting first = meeting(TENANT, MEGAN, "ext-1", NOW);
        store.insertUnlessKeyTaken(first, NOW);
        Meeting sameIdOtherKey = withKey(first, "ext-2");
        Meeting sameIdNoKey = withKey(first, null);

        assertThat(store.insertUnlessKeyTaken(sameIdOtherKey, NOW)).isEqualTo(new MeetingStore.IdentifierTaken());
        assertThat(store.insertUnlessKeyTaken(sameIdNoKey, NOW)).isEqualTo(new MeetingStore.IdentifierTaken());
        assertThat(store.findByKey(key(TENANT, MEGAN, "ext-2"), NOW)).isEmpty();
        assertThat(store.findByKey(key(TENANT, MEGAN, "ext-1"), NOW)).contains(first);
    }

    @Test
    void anUpdateAppliesOnlyToTheRevisionItFollows() {
        Meeting first = meeting(TENANT, MEGAN, "ext-1", NOW);
        store.insertUnlessKeyTaken(first, NOW);
        Meeting second = next(first, "Second");

        assertThat(store.update(second, NOW)).isEqualTo(new MeetingStore.Updated());
        assertThat(store.update(next(first, "Stale"), NOW)).isEqualTo(new MeetingStore.Stale());
        assertThat(store.findById(TENANT, first.id(), NOW)).contains(second);
        assertThat(store.findByKey(key(TENANT, MEGAN, "ext-1"), NOW)).contains(second);
        assertThat(store.update(next(meeting(TENANT, MEGAN, "ext-9", NOW), "Never stored"), NOW))
                .isEqualTo(new MeetingStore.Gone());
        assertThat(store.update(next(second, "Too late"), second.expiryDateTime().instant().plusSeconds(1)))
                .isEqualTo(new MeetingStore.Gone());
    }

    @Test
    void aDeletedMeetingIsFoundByNoHandle() {
        Meeting meeting = meeting(TENANT, MEGAN, "ext-1", NOW);
        store.insertUnlessKeyTaken(meeting, NOW);
        assertThat(store.findByKey(key(TENANT, MEGAN, "ext-1"), NOW)).contains(meeting);

        assertThat(store.delete(OTHER_TENANT, meeting.id(), NOW)).isFalse();
        assertThat(store.delete(TENANT, meeting.id(), NOW)).isTrue();
        assertThat(store.delete(TENANT, meeting.id(), NOW)).isFalse();

        assertThat(store.findByKey(key(TENANT, MEGAN, "ext-1"), NOW)).isEmpty();
        assertThat(store.findById(TENANT, meeting.id(), NOW)).isEmpty();
    }

    @Test
    void anExpiredMeetingCannotBeDeleted() {
        Meeting meeting = meeting(TENANT, MEGAN, "ext-1", NOW);
        store.insertUnlessKeyTaken(meeting, NOW);

        assertThat(store.delete(TENANT, meeting.id(), meeting.expiryDateTime().instant())).isFalse();
        assertThat(store.findById(TENANT, meeting.id(), NOW)).contains(meeting);
    }

    @Test
    void aTenantsMeetingsAreDeletedTogetherAndNoOthers() {
        Meeting megans = meeting(TENANT, MEGAN, "ext-1", NOW);
        Meeting adeles = meeting(TENANT, ADELE, "ext-1", NOW);
        Meeting others = meeting(OTHER_TENANT, MEGAN, "ext-1", NOW);
        List.of(megans, adeles, others).forEach(m -> store.insertUnlessKeyTaken(m, NOW));
        assertThat(store.findByKey(key(TENANT, MEGAN, "ext-1"), NOW)).contains(megans);

        assertThat(store.deleteAllOfTenant(TENANT)).isEqualTo(2);

        assertThat(store.findByKey(key(TENANT, MEGAN, "ext-1"), NOW)).isEmpty();
        assertThat(store.findById(TENANT, adeles.id(), NOW)).isEmpty();
        assertThat(store.findByKey(key(OTHER_TENANT, MEGAN, "ext-1"), NOW)).contains(others);
    }

    private static MeetingKey key(String tenant, String user, String externalId) {
        return new MeetingKey(tenant, user, externalId);
    }

    /** A meeting with every kind of value: attendees, settings, a passcode, seven-digit times. */
    private static Meeting meeting(String tenant, String user, String externalId, Instant created) {
        Person organizer = new Person(user, tenant, user.substring(0, 4) + "@contoso.com", "Organizer " + user.charAt(0));
        String threadId = MeetingIds.threadId(UUID.randomUUID());
        Timestamp start = new Timestamp(created.plus(Duration.ofDays(20)), 2);
        return new Meeting(MeetingIds.meetingId(user, threadId), tenant, organizer, externalId, threadId,
                MeetingIds.joinWebUrl("https://graphmeet.example", threadId, tenant, user),
                Long.toString(100_000_000_000L + (long) (Math.random() * 800_000_000_000L)), "Z3GYtQ",
                Timestamp.of(created), start, start.plus(Duration.ofMinutes(45)), "Subject of " + externalId,
                List.of(new Attendee(new Person(ADELE, tenant, "adele@contoso.com", "Adele Vance"), ParticipantRole.PRESENTER),
                        new Attendee(new Person("9e9e9e9e-0000-4000-8000-000000000001", tenant, null, null),
                                ParticipantRole.ATTENDEE)),
                MeetingSettings.defaults(), null, Meeting.FIRST_REVISION);
    }

    private static Meeting withKey(Meeting m, String externalId) {
        return new Meeting(m.id(), m.tenantId(), m.organizer(), externalId, m.threadId(), m.joinWebUrl(),
                m.joinMeetingId() + "0", m.passcode(), m.creationDateTime(), m.startDateTime(), m.endDateTime(),
                m.subject(), m.attendees(), m.settings(), m.lastUpdateDateTime(), m.revision());
    }

    private static Meeting next(Meeting m, String subject) {
        return new Meeting(m.id(), m.tenantId(), m.organizer(), m.externalId(), m.threadId(), m.joinWebUrl(),
                m.joinMeetingId(), m.passcode(), m.creationDateTime(), m.startDateTime(), m.endDateTime(), subject,
                List.of(), m.settings(), Timestamp.of(NOW.plusSeconds(60)), m.revision() + 1);
    }
}
