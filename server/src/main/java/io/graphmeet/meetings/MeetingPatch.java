package io.graphmeet.meetings;

import java.util.List;
import java.util.Objects;

/**
 * The changes a caller asks an update for, as Graph allows them: null leaves a property unchanged; times
 * change only together; {@code attendees} replaces the whole list; {@code organizerId} is what the caller
 * sent as the organizer, which may only name the current one.
 */
public record MeetingPatch(
        String subject,
        Timestamp startDateTime,
        Timestamp endDateTime,
        List<AttendeeRequest> attendees,
        String organizerId,
        SettingsPatch settings) {

    public MeetingPatch {
        if ((startDateTime == null) != (endDateTime == null)) {
            throw new InvalidMeetingException("startDateTime and endDateTime must be updated together.");
        }
        if (startDateTime != null && endDateTime.isBefore(startDateTime)) {
            throw new InvalidMeetingException("endDateTime must not be earlier than startDateTime.");
        }
        attendees = attendees == null ? null : List.copyOf(attendees);
        settings = Objects.requireNonNullElse(settings, SettingsPatch.none());
    }

    /**
     * The next revision of {@code current}: these changes, {@code resolvedAttendees} (null to keep the current
     * ones) and {@code now} as the last update, which extends the meeting's life.
     */
    Meeting applyTo(Meeting current, List<Attendee> resolvedAttendees, Timestamp now) {
        if (organizerId != null && !current.isOrganizedBy(organizerId)) {
            throw new InvalidMeetingException("participants.organizer cannot be changed.");
        }
        boolean reschedule = startDateTime != null;
        return new Meeting(
                current.id(),
                current.tenantId(),
                current.organizer(),
                current.externalId(),
                current.threadId(),
                current.joinWebUrl(),
                current.joinMeetingId(),
                current.passcode(),
                current.creationDateTime(),
                reschedule ? startDateTime : current.startDateTime(),
                reschedule ? endDateTime : current.endDateTime(),
                subject != null ? subject : current.subject(),
                resolvedAttendees != null ? resolvedAttendees : current.attendees(),
                settings.applyTo(current.settings()),
                now,
                current.revision() + 1);
    }
}
