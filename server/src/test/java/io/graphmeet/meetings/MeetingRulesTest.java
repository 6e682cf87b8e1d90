package io.graphmeet.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A meeting's own rules: lifetime, passcode, settings patches, request defaults and drawn identifiers. */
class MeetingRulesTest {

    static final Timestamp START = Timestamp.parseOrNull("2026-04-01T10:00:00Z");
    static final Timestamp END = Timestamp.parseOrNull("2026-04-01T11:00:00Z");

    @Test
    void aMeetingLivesSixtyDaysAfterItsEndOrItsLastUpdateWhicheverIsLater() {
        Timestamp updatedBeforeEnd = Timestamp.parseOrNull("2026-04-01T10:30:00Z");
        Timestamp updatedAfterEnd = Timestamp.parseOrNull("2026-04-20T08:00:00Z");

        assertThat(meeting(null, null).expiryDateTime()).hasToString("2026-05-31T11:00:00Z");
        assertThat(meeting(updatedBeforeEnd, null).expiryDateTime()).hasToString("2026-05-31T11:00:00Z");
        assertThat(meeting(END, null).expiryDateTime()).hasToString("2026-05-31T11:00:00Z");
        assertThat(meeting(updatedAfterEnd, null).expiryDateTime()).hasToString("2026-06-19T08:00:00Z");
    }

    @Test
    void aMeetingIsLiveUntilTheInstantItExpires() {
        Instant expiry = meeting(null, null).expiryDateTime().instant();

        assertThat(meeting(null, null).isLiveAt(expiry.minusNanos(100))).isTrue();
        assertThat(meeting(null, null).isLiveAt(expiry)).isFalse();
        assertThat(meeting(null, null).isLiveAt(expiry.plus(Duration.ofDays(1))))
                .isFalse();
    }

    @Test
    void aPasscodeIsRequiredWhenTheMeetingHasOne() {
        assertThat(meeting(null, "Z3GYtQ").isPasscodeRequired()).isTrue();
        assertThat(meeting(null, null).isPasscodeRequired()).isFalse();
        assertThat(meeting(null, null).messageId()).isEqualTo("0");
    }

    @Test
    void timestampsCompareByInstant() {
        assertThat(START.compareTo(END)).isNegative();
        assertThat(END.compareTo(START)).isPositive();
        assertThat(START.compareTo(Timestamp.parseOrNull("2026-04-01T12:00:00+02:00")))
                .isZero();
    }

    @Test
    void onlyAttendeesMayBeAnonymisedAndNeverUnanonymised() {
        assertThatThrownBy(() -> settings(List.of(ParticipantRole.PRESENTER)))
                .isInstanceOf(InvalidMeetingException.class)
                .hasMessage("anonymizeIdentityForRoles may only contain attendee.");
        MeetingSettings anonymised = settings(List.of(ParticipantRole.ATTENDEE)).applyTo(MeetingSettings.defaults());
        assertThat(anonymised.anonymizeIdentityForRoles()).containsExactly(ParticipantRole.ATTENDEE);
        assertThat(SettingsPatch.none().applyTo(anonymised).anonymizeIdentityForRoles())
                .containsExactly(ParticipantRole.ATTENDEE);
        assertThatThrownBy(() -> settings(List.of()).applyTo(anonymised))
                .isInstanceOf(InvalidMeetingException.class)
                .hasMessage("anonymizeIdentityForRoles: a role cannot be removed once anonymised.");
    }

    @Test
    void aSettingsPatchChangesWhatItNamesAndMergesNestedSettings() {
        SettingsPatch patch = new SettingsPatch(
                MeetingSettings.Presenters.ORGANIZER,
                MeetingSettings.LobbyAdmitters.ORGANIZER_AND_CO_ORGANIZERS,
                MeetingSettings.ChatMode.LIMITED,
                MeetingSettings.LiveShare.DISABLED,
                MeetingSettings.ChatHistory.NONE,
                false,
                false,
                false,
                false,
                false,
                false,
                false,
                false,
                false,
                true,
                true,
                MeetingSettings.LobbyBypassScope.EVERYONE,
                null,
                true,
                null,
                true,
                null);

        MeetingSettings changed = patch.applyTo(MeetingSettings.defaults());

        assertThat(changed)
                .isEqualTo(new MeetingSettings(
                        MeetingSettings.Presenters.ORGANIZER,
                        MeetingSettings.LobbyAdmitters.ORGANIZER_AND_CO_ORGANIZERS,
                        MeetingSettings.ChatMode.LIMITED,
                        MeetingSettings.LiveShare.DISABLED,
                        MeetingSettings.ChatHistory.NONE,
                        false,
                        false,
                        false,
                        false,
                        false,
                        false,
                        false,
                        false,
                        false,
                        false,
                        true,
                        false,
                        true,
                        new MeetingSettings.LobbyBypass(MeetingSettings.LobbyBypassScope.EVERYONE, false),
                        new MeetingSettings.Watermark(true, false),
                        true,
                        null,
                        null,
                        null,
                        List.of()));
        assertThat(SettingsPatch.none().applyTo(MeetingSettings.defaults())).isEqualTo(MeetingSettings.defaults());
    }

    @Test
    void nestedSettingsThatWereNeverSetAreMadeFromThePatch() {
        MeetingSettings bare = new MeetingSettings(
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null);
        SettingsPatch patch = new SettingsPatch(
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
                MeetingSettings.LobbyBypassScope.INVITED,
                null,
                null,
                true,
                null,
                null);

        MeetingSettings changed = patch.applyTo(bare);

        assertThat(changed.lobbyBypass())
                .isEqualTo(new MeetingSettings.LobbyBypass(MeetingSettings.LobbyBypassScope.INVITED, null));
        assertThat(changed.watermarkProtection()).isEqualTo(new MeetingSettings.Watermark(null, true));
        assertThat(bare.anonymizeIdentityForRoles()).isEmpty();
    }

    @Test
    void requestsWithoutAttendeesHaveAnEmptyList() {
        assertThat(new MeetingRequest("x", null, null, null, null).attendees()).isEmpty();
        assertThat(new NewMeetingRequest(null, null, null, null, null, false).attendees())
                .isEmpty();
        assertThat(new NewMeetingRequest(null, null, null, null, null, false).settings())
                .isEqualTo(SettingsPatch.none());
    }

    @Test
    void aPatchChangesTimesOnlyTogetherAndInOrder() {
        assertThatThrownBy(() -> new MeetingPatch(null, START, null, null, null, null))
                .isInstanceOf(InvalidMeetingException.class)
                .hasMessage("startDateTime and endDateTime must be updated together.");
        assertThatThrownBy(() -> new MeetingPatch(null, null, END, null, null, null))
                .isInstanceOf(InvalidMeetingException.class)
                .hasMessage("startDateTime and endDateTime must be updated together.");
        assertThatThrownBy(() -> new MeetingPatch(null, END, START, null, null, null))
                .isInstanceOf(InvalidMeetingException.class)
                .hasMessage("endDateTime must not be earlier than startDateTime.");
        assertThat(new MeetingPatch(null, START, START, null, null, null).endDateTime())
                .isEqualTo(START);
    }

    @Test
    void drawnThreadGuidsAreVersionSevenWithTheTimeInTheirFirstBits() {
        RandomMeetingIdentifiers identifiers = new RandomMeetingIdentifiers(Clock.systemUTC());
        long before = System.currentTimeMillis();

        UUID guid = identifiers.newThreadGuid();

        long after = System.currentTimeMillis();
        assertThat(guid.version()).isEqualTo(7);
        assertThat(guid.variant()).isEqualTo(2);
        assertThat(guid.getMostSignificantBits() >>> 16).isBetween(before, after);
        for (int i = 0; i < 20; i++) {
            UUID next = identifiers.newThreadGuid();
            assertThat(next).isNotEqualTo(guid);
            assertThat(next.variant()).isEqualTo(2);
            assertThat(next.getLeastSignificantBits() & 0x3FFFFFFFFFFFFFFFL)
                    .as("random low bits")
                    .isNotEqualTo(0x3FFFFFFFFFFFFFFFL)
                    .isNotZero();
        }
    }

    @Test
    void drawnJoinIdsHaveTwelveDigitsAndPasscodesSixUnambiguousCharacters() {
        RandomMeetingIdentifiers identifiers = new RandomMeetingIdentifiers(Clock.systemUTC());
        for (int i = 0; i < 200; i++) {
            assertThat(identifiers.newJoinMeetingId()).matches("[1-9][0-9]{11}");
            assertThat(identifiers.newPasscode()).matches("[A-HJ-NP-Za-km-z2-9]{6}");
        }
    }

    private static Meeting meeting(Timestamp lastUpdate, String passcode) {
        Person organizer =
                new Person("0b7e4c2a-3d5f-4e6a-8b9c-0d1e2f3a4b5c", "5f1c6d2e-8a4b-4c3d-9e0f-1a2b3c4d5e6f", null, null);
        return new Meeting(
                "id",
                organizer.tenantId(),
                organizer,
                "ext",
                "19:meeting_x@thread.v2",
                "https://join",
                "123456789012",
                passcode,
                START,
                START,
                END,
                null,
                List.of(),
                MeetingSettings.defaults(),
                lastUpdate,
                1);
    }

    private static SettingsPatch settings(List<ParticipantRole> anonymised) {
        return new SettingsPatch(
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
                null,
                anonymised);
    }
}
