package io.graphmeet.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MeetingIdsTest {

    private static final String ORGANIZER = "0b7e4c2a-3d5f-4e6a-8b9c-0d1e2f3a4b5c";
    private static final String TENANT = "5f1c6d2e-8a4b-4c3d-9e0f-1a2b3c4d5e6f";
    private static final UUID GUID = UUID.fromString("6e1f0c4a-2b7d-4f3e-9a8b-5c6d7e8f9a0b");

    @Test
    void encodeLikeRealGraphIdentifiers() {
        String threadId = MeetingIds.threadId(GUID);

        assertThat(threadId).isEqualTo("19:meeting_NmUxZjBjNGEtMmI3ZC00ZjNlLTlhOGItNWM2ZDdlOGY5YTBi@thread.v2");
        assertThat(MeetingIds.meetingId(ORGANIZER, threadId))
                .isEqualTo(
                        "MSowYjdlNGMyYS0zZDVmLTRlNmEtOGI5Yy0wZDFlMmYzYTRiNWMqMCoqMTk6bWVldGluZ19ObVV4WmpCak5HRXRNbUkzWkMwMFpqTmxMVGxoT0dJdE5XTTJaRGRsT0dZNVlUQmlAdGhyZWFkLnYy");
        assertThat(MeetingIds.joinWebUrl("https://teams.microsoft.com", threadId, TENANT, ORGANIZER))
                .isEqualTo(
                        "https://teams.microsoft.com/l/meetup-join/19%3ameeting_NmUxZjBjNGEtMmI3ZC00ZjNlLTlhOGItNWM2ZDdlOGY5YTBi%40thread.v2/0"
                                + "?context=%7b%22Tid%22%3a%225f1c6d2e-8a4b-4c3d-9e0f-1a2b3c4d5e6f%22%2c%22Oid%22%3a%220b7e4c2a-3d5f-4e6a-8b9c-0d1e2f3a4b5c%22%7d");
    }

    @Test
    void theOrganizerCanBeReadBackFromAMeetingId() {
        String id = MeetingIds.meetingId(ORGANIZER, MeetingIds.threadId(GUID));

        assertThat(MeetingIds.organizerOf(id)).isEqualTo(ORGANIZER);
        assertThat(MeetingIds.organizerOf("not base64 !")).isNull();
        assertThat(MeetingIds.organizerOf("aGVsbG8=")).isNull();
    }

    @Test
    void aJoinLinkLeadsBackToItsMeetingId() {
        String threadId = MeetingIds.threadId(GUID);
        String link = MeetingIds.joinWebUrl("https://graphmeet.example", threadId, TENANT, ORGANIZER);

        assertThat(MeetingIds.meetingIdOfJoinWebUrl(link)).isEqualTo(MeetingIds.meetingId(ORGANIZER, threadId));
        assertThat(MeetingIds.meetingIdOfJoinWebUrl("https://graphmeet.example/l/meetup-join/x"))
                .isNull();
        assertThat(MeetingIds.meetingIdOfJoinWebUrl("not a link")).isNull();
    }

    @Test
    void aJoinLinkHasOneCanonicalFormHoweverItIsEscaped() {
        String threadId = MeetingIds.threadId(GUID);
        String link = MeetingIds.joinWebUrl("https://graphmeet.example", threadId, TENANT, ORGANIZER);
        String decoded = "https://graphmeet.example/l/meetup-join/" + threadId + "/0?context={\"Tid\":\"" + TENANT
                + "\",\"Oid\":\"" + ORGANIZER + "\"}";

        assertThat(MeetingIds.canonicalJoinWebUrl(link)).isEqualTo(decoded);
        assertThat(MeetingIds.canonicalJoinWebUrl(link.replace("%3a", "%3A").replace("%7b", "%7B")))
                .isEqualTo(decoded);
        assertThat(MeetingIds.canonicalJoinWebUrl(decoded)).isEqualTo(decoded);
        assertThat(MeetingIds.canonicalJoinWebUrl(link.replace("%", "%25"))).isEqualTo(link);
        assertThat(MeetingIds.meetingIdOfJoinWebUrl(decoded)).isEqualTo(MeetingIds.meetingId(ORGANIZER, threadId));
    }

    @Test
    void canonicalFormsKeepPlusSignsAndStrayPercentSigns() {
        assertThat(MeetingIds.canonicalJoinWebUrl("a+b%2Bc")).isEqualTo("a+b+c");
        assertThat(MeetingIds.canonicalJoinWebUrl("100%")).isEqualTo("100%");
        assertThat(MeetingIds.canonicalJoinWebUrl("%zz%4")).isEqualTo("%zz%4");
        assertThat(MeetingIds.canonicalJoinWebUrl("caf%C3%A9 %E2%82%AC")).isEqualTo("café €");
        assertThat(MeetingIds.meetingIdOfJoinWebUrl("https://x/l/meetup-join/%zz/0?context=%7b%22Oid%22%3a%22a%22%7d"))
                .isEqualTo(MeetingIds.meetingId("a", "%zz"));
    }

    @Test
    void threadGuidsAreVersion7SoMeetingsCreatedTogetherSortTogether() {
        RandomMeetingIdentifiers random = new RandomMeetingIdentifiers(Clock.systemUTC());
        UUID first = random.newThreadGuid();
        UUID second = random.newThreadGuid();

        assertThat(first.version()).isEqualTo(7);
        assertThat(first.variant()).isEqualTo(2);
        assertThat(second.getMostSignificantBits() >>> 16)
                .isGreaterThanOrEqualTo(first.getMostSignificantBits() >>> 16);
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void threadGuidsCarryTheMillisecondOfTheInjectedClock() {
        Instant now = Instant.parse("2026-03-12T09:15:02.412Z");
        RandomMeetingIdentifiers random = new RandomMeetingIdentifiers(Clock.fixed(now, ZoneOffset.UTC));

        assertThat(random.newThreadGuid().getMostSignificantBits() >>> 16).isEqualTo(now.toEpochMilli());
    }

    @Test
    void randomIdentifiersHaveGraphsShapes() {
        RandomMeetingIdentifiers random = new RandomMeetingIdentifiers(Clock.systemUTC());
        for (int i = 0; i < 1000; i++) {
            assertThat(random.newJoinMeetingId()).matches("[1-9]\\d{11}");
            assertThat(random.newPasscode()).matches("[A-Za-z0-9]{6}");
        }
    }
}
