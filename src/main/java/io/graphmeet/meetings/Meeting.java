package io.graphmeet.meetings;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A stored online meeting. {@code externalId} is null for meetings made by plain create; {@code passcode} is
 * null unless one was required; {@code revision} starts at 1 and grows with every change.
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
        long revision) {

    /** How long after its end a meeting lives, as Graph documents. */
    public static final Duration LIFETIME_AFTER_END = Duration.ofDays(60);

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

    public Timestamp expiryDateTime() {
        return endDateTime.plus(LIFETIME_AFTER_END);
    }

    public boolean isPasscodeRequired() {
        return passcode != null;
    }

    public String messageId() {
        return "0";
    }
}
