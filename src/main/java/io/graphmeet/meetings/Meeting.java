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

    /** How long after its end, or after its last update, a meeting lives, as Graph documents. */
    public static final Duration LIFETIME_AFTER_END = Duration.ofDays(60);

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

    /** 60 days after the end, or after the last update if that came later: an update extends the life. */
    public Timestamp expiryDateTime() {
        boolean updatedAfterEnd = lastUpdateDateTime != null && endDateTime.isBefore(lastUpdateDateTime);
        return (updatedAfterEnd ? lastUpdateDateTime : endDateTime).plus(LIFETIME_AFTER_END);
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
