package io.graphmeet.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graphmeet.failure.StoreUnavailableException;
import io.graphmeet.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** The domain's rules for createOrGet, create, reads, updates and deletes, over a store in memory. */
class MeetingServiceTest {

    static final String TENANT = "5f1c6d2e-8a4b-4c3d-9e0f-1a2b3c4d5e6f";
    static final String OTHER_TENANT = "7a2b3c4d-1111-4222-8333-944455566677";
    static final String MEGAN = "0b7e4c2a-3d5f-4e6a-8b9c-0d1e2f3a4b5c";
    static final String ADELE = "1f35f2e6-9cab-44ad-8d5a-b74c14720000";
    static final String GUEST = "9e9e9e9e-0000-4000-8000-000000000001";
    static final String JOIN_BASE = "https://graphmeet.example";
    static final Instant NOW = Instant.parse("2026-03-12T09:15:02.4127391Z");

    final MutableClock clock = new MutableClock(NOW);
    final InMemoryMeetingStore store = new InMemoryMeetingStore();
    final SequenceIdentifiers identifiers = new SequenceIdentifiers();
    final MeetingService meetings =
            new MeetingService(store, MeetingServiceTest::describe, identifiers, clock, JOIN_BASE);

    /** Megan and Adele are known in Contoso; anyone else is shown with the upn the caller gave, if any. */
    static Person describe(String tenantId, String userId, String upnHint) {
        return switch (userId) {
            case MEGAN -> new Person(MEGAN, tenantId, "megan@contoso.com", "Megan Bowen");
            case ADELE -> new Person(ADELE, tenantId, "adele@contoso.com", "Adele Vance");
            default -> new Person(userId, tenantId, upnHint, null);
        };
    }

    // ---- createOrGet

    @Test
    void createOrGetMakesAMeetingOfTheRequestWithServerMadeValues() {
        Meeting meeting = createOrGet(
                MEGAN,
                new MeetingRequest(
                        "ext-1",
                        "Weekly",
                        null,
                        null,
                        List.of(
                                new AttendeeRequest(ADELE, null, null),
                                new AttendeeRequest(GUEST, "guest@example.com", ParticipantRole.PRESENTER))));

        String threadId = MeetingIds.threadId(identifiers.issued.getFirst());
        assertThat(meeting)
                .isEqualTo(new Meeting(
                        MeetingIds.meetingId(MEGAN, threadId),
                        TENANT,
                        new Person(MEGAN, TENANT, "megan@contoso.com", "Megan Bowen"),
                        "ext-1",
                        threadId,
                        MeetingIds.joinWebUrl(JOIN_BASE, threadId, TENANT, MEGAN),
                        "100000000001",
                        null,
                        Timestamp.of(NOW),
                        Timestamp.of(NOW),
                        Timestamp.of(NOW.plus(Duration.ofHours(1))),
                        "Weekly",
                        List.of(
                                new Attendee(
                                        new Person(ADELE, TENANT, "adele@contoso.com", "Adele Vance"),
                                        ParticipantRole.ATTENDEE),
                                new Attendee(
                                        new Person(GUEST, TENANT, "guest@example.com", null),
                                        ParticipantRole.PRESENTER)),
                        MeetingSettings.defaults(),
                        null,
                        1));
        assertThat(store.stored(meeting.id())).contains(meeting);
    }

    @Test
    void aRepeatedCreateOrGetReturnsTheStoredMeetingWhateverElseItSays() {
        Meeting created = createOrGet(MEGAN, request("ext-1", "First"));
        clock.advance(Duration.ofMinutes(5));

        CreateOrGetOutcome again = meetings.createOrGet(
                new Organizer(TENANT, MEGAN),
                new MeetingRequest(
                        "ext-1",
                        "Second",
                        Timestamp.parseOrNull("2026-05-01T10:00:00Z"),
                        null,
                        List.of(new AttendeeRequest(ADELE, null, null))));

        assertThat(again).isEqualTo(new CreateOrGetOutcome.Existing(created));
        assertThat(store.inserts).isEqualTo(1);
    }

    @Test
    void theKeyIsTenantOrganizerAndExternalId() {
        Meeting megans = createOrGet(MEGAN, request("ext-1", null));

        assertThat(createOrGet(ADELE, request("ext-1", null)).id()).isNotEqualTo(megans.id());
        assertThat(meetings.createOrGet(new Organizer(OTHER_TENANT, MEGAN), request("ext-1", null)))
                .isInstanceOf(CreateOrGetOutcome.Created.class);
        assertThat(meetings.createOrGet(new Organizer(TENANT, MEGAN), request("ext-2", null)))
                .isInstanceOf(CreateOrGetOutcome.Created.class);
    }

    @Test
    void aKeyTakenByAConcurrentInsertIsAnsweredWithTheWinnersMeeting() {
        Meeting winner = createOrGet(MEGAN, request("ext-1", "Winner"));
        store.lookupsToMiss = 1;

        CreateOrGetOutcome loser = meetings.createOrGet(new Organizer(TENANT, MEGAN), request("ext-1", "Loser"));

        assertThat(loser).isEqualTo(new CreateOrGetOutcome.Existing(winner));
    }

    @Test
    void aTakenIdentifierIsDrawnAgain() {
        UUID guid = UUID.randomUUID();
        identifiers.guids.add(guid);
        identifiers.guids.add(guid);
        Meeting first = createOrGet(MEGAN, request("ext-1", null));

        Meeting second = createOrGet(MEGAN, request("ext-2", null));

        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(second.threadId()).isEqualTo(MeetingIds.threadId(identifiers.issued.get(2)));
        assertThat(store.inserts).isEqualTo(3);
    }

    @Test
    void identifiersThatKeepCollidingEndInAnUnavailableStoreAfterEightAttempts() {
        identifiers.always = UUID.randomUUID();
        createOrGet(MEGAN, request("ext-1", null));

        assertThatThrownBy(() -> createOrGet(MEGAN, request("ext-2", null)))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessage("no free meeting identifiers after 8 attempts");
        assertThat(store.inserts).isEqualTo(1 + 8);
        assertThatThrownBy(() -> meetings.create(new Organizer(TENANT, MEGAN), newMeeting(null, false)))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessage("no free meeting identifiers after 8 attempts");
        assertThat(store.inserts).isEqualTo(1 + 8 + 8);
    }

    @Test
    void theExternalIdIsRequiredAndAtMost256Characters() {
        for (String missing : new String[] {null, "", "   "}) {
            assertThatThrownBy(() -> createOrGet(MEGAN, request(missing, null)))
                    .isInstanceOf(InvalidMeetingException.class)
                    .hasMessage("externalId is required and must be a non-empty string.");
        }
        assertThat(createOrGet(MEGAN, request("k".repeat(256), null)).externalId())
                .hasSize(256);
        assertThatThrownBy(() -> createOrGet(MEGAN, request("k".repeat(257), null)))
                .isInstanceOf(InvalidMeetingException.class)
                .hasMessage("externalId must be at most 256 characters long.");
        assertThat(store.inserts).isEqualTo(1);
    }

    @Test
    void withOnlyAStartTheMeetingLastsAnHourAtTheStartsPrecision() {
        Meeting meeting = createOrGet(
                MEGAN,
                new MeetingRequest(
                        "ext-1", null, Timestamp.parseOrNull("2026-06-01T08:30:00.25+02:00"), null, List.of()));

        assertThat(meeting.startDateTime()).hasToString("2026-06-01T06:30:00.25Z");
        assertThat(meeting.endDateTime()).hasToString("2026-06-01T07:30:00.25Z");
    }

    @Test
    void anEndNeedsAStartAndMustNotPrecedeIt() {
        Timestamp nine = Timestamp.parseOrNull("2026-06-01T09:00:00Z");
        Timestamp eight = Timestamp.parseOrNull("2026-06-01T08:00:00Z");

        assertThatThrownBy(() -> createOrGet(MEGAN, new MeetingRequest("ext-1", null, null, nine, List.of())))
                .isInstanceOf(InvalidMeetingException.class)
                .hasMessage("endDateTime cannot be given without startDateTime.");
        assertThatThrownBy(() -> createOrGet(MEGAN, new MeetingRequest("ext-1", null, nine, eight, List.of())))
                .isInstanceOf(InvalidMeetingException.class)
                .hasMessage("endDateTime must not be earlier than startDateTime.");
        Meeting instant = createOrGet(MEGAN, new MeetingRequest("ext-1", null, nine, nine, List.of()));
        assertThat(instant.endDateTime()).isEqualTo(nine);
    }

    @Test
    void anAttendeeNeedsAUserId() {
        for (String missing : new String[] {null, " "}) {
            assertThatThrownBy(() -> createOrGet(
                            MEGAN,
                            new MeetingRequest(
                                    "ext-1", null, null, null, List.of(new AttendeeRequest(missing, "a@b.c", null)))))
                    .isInstanceOf(InvalidMeetingException.class)
                    .hasMessage("participants.attendees[].identity.user.id is required.");
        }
    }

    // ---- create

    @Test
    void createMakesAMeetingWithoutExternalIdFromTheDefaultsAndTheRequestedSettings() {
        SettingsPatch settings = new SettingsPatch(
                MeetingSettings.Presenters.ORGANIZER,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);

        Meeting meeting = meetings.create(new Organizer(TENANT, MEGAN), newMeeting(settings, true));

        assertThat(meeting.externalId()).isNull();
        assertThat(meeting.subject()).isEqualTo("Plain");
        assertThat(meeting.passcode()).isEqualTo("PASS-1");
        assertThat(meeting.settings().allowedPresenters()).isEqualTo(MeetingSettings.Presenters.ORGANIZER);
        assertThat(meeting.settings().allowMeetingChat())
                .isEqualTo(MeetingSettings.defaults().allowMeetingChat());
        assertThat(store.stored(meeting.id())).contains(meeting);
        assertThat(meetings.create(new Organizer(TENANT, MEGAN), newMeeting(null, false))
                        .passcode())
                .isNull();
    }

    @Test
    void createDrawsAgainWhenAnIdentifierIsTaken() {
        UUID guid = UUID.randomUUID();
        identifiers.guids.add(guid);
        identifiers.guids.add(guid);
        Meeting first = meetings.create(new Organizer(TENANT, MEGAN), newMeeting(null, false));

        Meeting second = meetings.create(new Organizer(TENANT, MEGAN), newMeeting(null, false));

        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(store.inserts).isEqualTo(3);
    }

    // ---- reads

    @Test
    void theOrganizerAndSignedInAttendeesMayReadAMeetingAndNobodyElse() {
        Meeting meeting = createOrGet(
                MEGAN, new MeetingRequest("ext-1", null, null, null, List.of(new AttendeeRequest(ADELE, null, null))));

        assertThat(meetings.get(new Requester(TENANT, MEGAN), meeting.id())).isEqualTo(meeting);
        assertThat(meetings.get(new Requester(TENANT, MEGAN.toUpperCase(Locale.ROOT)), meeting.id()))
                .isEqualTo(meeting);
        assertThat(meetings.get(new Requester(TENANT, ADELE), meeting.id())).isEqualTo(meeting);
        assertNotFound(() -> meetings.get(new Requester(TENANT, GUEST), meeting.id()));
        assertNotFound(() -> meetings.get(new Requester(OTHER_TENANT, MEGAN), meeting.id()));
        assertNotFound(() -> meetings.get(new Requester(TENANT, MEGAN), "not-a-meeting-id"));
        assertNotFound(() -> meetings.get(new Requester(TENANT, MEGAN), MeetingIds.meetingId(MEGAN, "19:x")));
    }

    @Test
    void onlyTheOrganizerMayLookAMeetingUpByItsJoinDetails() {
        Meeting meeting = createOrGet(
                MEGAN, new MeetingRequest("ext-1", null, null, null, List.of(new AttendeeRequest(ADELE, null, null))));
        Requester megan = new Requester(TENANT, MEGAN);
        Requester adele = new Requester(TENANT, ADELE);

        assertThat(meetings.findByJoinWebUrl(megan, meeting.joinWebUrl())).isEqualTo(meeting);
        assertThat(meetings.findByJoinMeetingId(megan, meeting.joinMeetingId())).isEqualTo(meeting);
        assertThatThrownBy(() -> meetings.findByJoinWebUrl(adele, meeting.joinWebUrl()))
                .isInstanceOf(MeetingAccessDeniedException.class)
                .hasMessage("3003: User does not have access to lookup meeting");
        assertThatThrownBy(() -> meetings.findByJoinMeetingId(adele, meeting.joinMeetingId()))
                .isInstanceOf(MeetingAccessDeniedException.class)
                .hasMessage("3003: User does not have access to lookup meeting");
        assertNotFound(() -> meetings.findByJoinWebUrl(megan, meeting.joinWebUrl() + "x"));
        assertNotFound(() -> meetings.findByJoinMeetingId(megan, "999999999999"));
        assertNotFound(() -> meetings.findByJoinMeetingId(new Requester(OTHER_TENANT, MEGAN), meeting.joinMeetingId()));
    }

    // ---- update

    @Test
    void anUpdateStoresTheNextRevisionWithTheChangesAndTheTimeOfTheUpdate() {
        Meeting meeting = createOrGet(MEGAN, request("ext-1", "Before"));
        clock.advance(Duration.ofMinutes(7));
        Timestamp start = Timestamp.parseOrNull("2026-04-01T10:00:00Z");
        Timestamp end = Timestamp.parseOrNull("2026-04-01T10:30:00Z");

        Meeting updated = meetings.update(
                new Requester(TENANT, MEGAN),
                meeting.id(),
                new MeetingPatch("After", start, end, List.of(new AttendeeRequest(ADELE, null, null)), null, null));

        assertThat(updated.subject()).isEqualTo("After");
        assertThat(updated.startDateTime()).isEqualTo(start);
        assertThat(updated.endDateTime()).isEqualTo(end);
        assertThat(updated.attendees())
                .containsExactly(new Attendee(
                        new Person(ADELE, TENANT, "adele@contoso.com", "Adele Vance"), ParticipantRole.ATTENDEE));
        assertThat(updated.lastUpdateDateTime()).isEqualTo(Timestamp.of(NOW.plus(Duration.ofMinutes(7))));
        assertThat(updated.revision()).isEqualTo(2);
        assertThat(store.stored(meeting.id())).contains(updated);
    }

    @Test
    void anUpdateLeavesWhatThePatchDoesNotName() {
        Meeting meeting = createOrGet(
                MEGAN,
                new MeetingRequest("ext-1", "Kept", null, null, List.of(new AttendeeRequest(ADELE, null, null))));

        Meeting updated = meetings.update(
                new Requester(TENANT, MEGAN), meeting.id(), new MeetingPatch(null, null, null, null, MEGAN, null));

        assertThat(updated)
                .usingRecursiveComparison()
                .ignoringFields("lastUpdateDateTime", "revision")
                .isEqualTo(meeting);
    }

    @Test
    void anUpdateThatLostARaceIsAppliedToTheNewerMeeting() {
        Meeting meeting = createOrGet(MEGAN, request("ext-1", "Before"));
        Timestamp start = Timestamp.parseOrNull("2026-04-01T10:00:00Z");
        Timestamp end = Timestamp.parseOrNull("2026-04-01T10:30:00Z");
        store.beforeNextUpdate(() -> store.put(
                new MeetingPatch(null, start, end, null, null, null).applyTo(meeting, null, Timestamp.of(NOW))));

        Meeting updated = meetings.update(
                new Requester(TENANT, MEGAN), meeting.id(), new MeetingPatch("After", null, null, null, null, null));

        assertThat(updated.subject()).isEqualTo("After");
        assertThat(updated.startDateTime()).isEqualTo(start);
        assertThat(updated.revision()).isEqualTo(3);
        assertThat(store.stored(meeting.id())).contains(updated);
    }

    @Test
    void anUpdateThatKeepsLosingEndsInAnUnavailableStoreAfterEightAttempts() {
        Meeting meeting = createOrGet(MEGAN, request("ext-1", "Before"));
        for (int i = 0; i < 8; i++) {
            store.beforeNextUpdate(() -> {
                Meeting current = store.stored(meeting.id()).orElseThrow();
                store.put(new MeetingPatch("Other", null, null, null, null, null)
                        .applyTo(current, null, Timestamp.of(NOW)));
            });
        }

        assertThatThrownBy(() -> meetings.update(
                        new Requester(TENANT, MEGAN),
                        meeting.id(),
                        new MeetingPatch("Mine", null, null, null, null, null)))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessage("the meeting kept changing during the update after 8 attempts");
        assertThat(store.stored(meeting.id()).orElseThrow().revision()).isEqualTo(9);
    }

    @Test
    void anUpdateOfAMeetingDeletedMeanwhileIsNotFound() {
        Meeting meeting = createOrGet(MEGAN, request("ext-1", "Before"));
        store.beforeNextUpdate(() -> store.delete(TENANT, meeting.id(), NOW));

        assertNotFound(() -> meetings.update(
                new Requester(TENANT, MEGAN), meeting.id(), new MeetingPatch("Mine", null, null, null, null, null)));
    }

    @Test
    void onlyTheOrganizerMayChangeOrDeleteAMeeting() {
        Meeting meeting = createOrGet(
                MEGAN,
                new MeetingRequest("ext-1", "Mine", null, null, List.of(new AttendeeRequest(ADELE, null, null))));
        Requester adele = new Requester(TENANT, ADELE);

        assertThatThrownBy(() ->
                        meetings.update(adele, meeting.id(), new MeetingPatch("Hers", null, null, null, null, null)))
                .isInstanceOf(MeetingAccessDeniedException.class)
                .hasMessage("Only the organizer can change or delete a meeting.");
        assertThatThrownBy(() -> meetings.delete(adele, meeting.id()))
                .isInstanceOf(MeetingAccessDeniedException.class)
                .hasMessage("Only the organizer can change or delete a meeting.");
        assertThat(store.stored(meeting.id())).contains(meeting);
    }

    @Test
    void theOrganizerNamedInAPatchMustBeTheCurrentOne() {
        Meeting meeting = createOrGet(MEGAN, request("ext-1", "Mine"));

        assertThatThrownBy(() -> meetings.update(
                        new Requester(TENANT, MEGAN),
                        meeting.id(),
                        new MeetingPatch("Moved", null, null, null, ADELE, null)))
                .isInstanceOf(InvalidMeetingException.class)
                .hasMessage("participants.organizer cannot be changed.");
        assertThat(meetings.update(
                                new Requester(TENANT, MEGAN),
                                meeting.id(),
                                new MeetingPatch("Same", null, null, null, MEGAN.toUpperCase(Locale.ROOT), null))
                        .subject())
                .isEqualTo("Same");
    }

    // ---- delete

    @Test
    void theOrganizerDeletesAMeetingOnce() {
        Meeting meeting = createOrGet(MEGAN, request("ext-1", null));
        Requester megan = new Requester(TENANT, MEGAN);

        meetings.delete(megan, meeting.id());

        assertThat(store.stored(meeting.id())).isEmpty();
        assertNotFound(() -> meetings.delete(megan, meeting.id()));
    }

    @Test
    void aDeleteThatFindsTheMeetingGoneMeanwhileIsNotFound() {
        Meeting meeting = createOrGet(MEGAN, request("ext-1", null));
        store.beforeNextDelete(() -> store.delete(TENANT, meeting.id(), NOW));

        assertNotFound(() -> meetings.delete(new Requester(TENANT, MEGAN), meeting.id()));
    }

    // ---- helpers

    private Meeting createOrGet(String user, MeetingRequest request) {
        CreateOrGetOutcome outcome = meetings.createOrGet(new Organizer(TENANT, user), request);
        assertThat(outcome).isInstanceOf(CreateOrGetOutcome.Created.class);
        return outcome.meeting();
    }

    private static MeetingRequest request(String externalId, String subject) {
        return new MeetingRequest(externalId, subject, null, null, List.of());
    }

    private static NewMeetingRequest newMeeting(SettingsPatch settings, boolean passcodeRequired) {
        return new NewMeetingRequest("Plain", null, null, List.of(), settings, passcodeRequired);
    }

    private static void assertNotFound(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(MeetingNotFoundException.class);
    }

    /** Thread GUIDs from a list (then random, or always one), join ids and passcodes counting up. */
    static final class SequenceIdentifiers implements MeetingIdentifiers {
        final Deque<UUID> guids = new ArrayDeque<>();
        final List<UUID> issued = new ArrayList<>();
        UUID always;
        private int joinIds;
        private int passcodes;

        @Override
        public UUID newThreadGuid() {
            UUID guid = always != null ? always : guids.isEmpty() ? UUID.randomUUID() : guids.removeFirst();
            issued.add(guid);
            return guid;
        }

        @Override
        public String newJoinMeetingId() {
            return Long.toString(100_000_000_000L + ++joinIds);
        }

        @Override
        public String newPasscode() {
            return "PASS-" + ++passcodes;
        }
    }
}
