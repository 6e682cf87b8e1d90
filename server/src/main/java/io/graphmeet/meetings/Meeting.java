package io.graphmeet.meetings;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A stored online meeting. {@code externalId} is null for meetings made by plain create;
 * {@code passcode} is null unless one was required; {@code lastUpdateDateTime} is null until the first
 * update; {@code revision} counts the stored versions, starting at 1.
 */
public record Meeting(
        String id,
        String tenantId,
        Person organizer,
        String externalId,
        String threadId,
        String joinWebUrl,
        String joinMeetingId,
        String passcode,
        Timestamp creationDateTime,
        Timestamp startDateTime,
        Timestamp endDateTime,
        String subject,
        List<Attendee> attendees,
        MeetingSettings settings,
        Timestamp lastUpdateDateTime,
        long revision) {

    /** How long after its end, its creation or its last update, whichever is latest, a meeting lives. */
    public static final Duration LIFETIME = Duration.ofDays(60);

    /** The revision of a meeting never updated. */
    public static final long FIRST_REVISION = 1;

    public Meeting {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(organizer, "organizer");
        Objects.requireNonNull(threadId, "threadId");
        Objects.requireNonNull(joinWebUrl, "joinWebUrl");
        Objects.requireNonNull(joinMeetingId, "joinMeetingId");
        Objects.requireNonNull(creationDateTime, "creationDateTime");
        Objects.requireNonNull(startDateTime, "startDateTime");
        Objects.requireNonNull(endDateTime, "endDateTime");
        Objects.requireNonNull(settings, "settings");
        attendees = List.copyOf(attendees);
    }

    /**
     * 60 days after the latest of end, creation and last update. Graph counts from the end and extends on
     * update; counting from creation too means no meeting is ever expired at the moment it is written, so
     * a createOrGet with past times (Graph's own example is dated 2020) replays instead of creating again.
     */
    public Timestamp expiryDateTime() {
        Timestamp latest = endDateTime;
        if (latest.isBefore(creationDateTime)) {
            latest = creationDateTime;
        }
        if (lastUpdateDateTime != null && latest.isBefore(lastUpdateDateTime)) {
            latest = lastUpdateDateTime;
        }
        return latest.plus(LIFETIME).atMost(Timestamp.MAX);
    }

    public boolean isLiveAt(Instant now) {
        return now.isBefore(expiryDateTime().instant());
    }

    public boolean isOrganizedBy(String userId) {
        return organizer.id().equalsIgnoreCase(userId);
    }

    public boolean invites(String userId) {
        return attendees.stream().anyMatch(attendee -> attendee.person().id().equalsIgnoreCase(userId));
    }

    public boolean isPasscodeRequired() {
        return passcode != null;
    }

    public String messageId() {
        return "0";
    }
}
