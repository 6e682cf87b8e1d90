package io.graphmeet.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A meeting lives 60 days after the latest of its end, its creation and its last update. */
class MeetingExpiryTest {

    private static final String CREATED = "2026-03-12T09:15:02.4127391Z";

    @Test
    void aMeetingInTheFutureExpiresSixtyDaysAfterItsEnd() {
        Meeting meeting = meeting(CREATED, "2026-04-01T10:00:00Z", null);

        assertThat(meeting.expiryDateTime()).hasToString("2026-05-31T10:00:00Z");
    }

    @Test
    void aMeetingThatEndedBeforeItWasCreatedExpiresSixtyDaysAfterItsCreation() {
        Meeting meeting = meeting(CREATED, "2020-02-06T02:19:21.3524945Z", null);

        assertThat(meeting.expiryDateTime()).hasToString("2026-05-11T09:15:02.4127391Z");
        assertThat(meeting.isLiveAt(Instant.parse(CREATED))).isTrue();
        assertThat(meeting.isLiveAt(Instant.parse("2026-05-11T09:15:02.4127391Z")))
                .isFalse();
    }

    @Test
    void anUpdateAfterTheEndExtendsTheLifeFromTheUpdate() {
        Meeting meeting = meeting(CREATED, "2026-04-01T10:00:00Z", "2026-05-01T08:00:00.1234567Z");

        assertThat(meeting.expiryDateTime()).hasToString("2026-06-30T08:00:00.1234567Z");
    }

    @Test
    void theExpiryNeverPassesTheLastInstantGraphCanWrite() {
        Meeting meeting = meeting(CREATED, "9999-12-01T00:00:00Z", null);

        assertThat(meeting.expiryDateTime()).isEqualTo(Timestamp.MAX);
        assertThat(meeting.expiryDateTime()).hasToString("9999-12-31T23:59:59.9999999Z");
    }

    private static Meeting meeting(String created, String end, String updated) {
        Timestamp endAt = Timestamp.parseOrNull(end);
        return new Meeting(
                "id",
                "tenant",
                new Person("organizer", "tenant", null, null),
                "external",
                "thread",
                "https://join",
                "123456789012",
                null,
                Timestamp.parseOrNull(created),
                endAt,
                endAt,
                "subject",
                List.of(),
                MeetingSettings.defaults(),
                updated == null ? null : Timestamp.parseOrNull(updated),
                1);
    }
}
