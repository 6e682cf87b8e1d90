package io.graphmeet.meetings;

import java.time.Instant;

/**
 * Which of a tenant's meetings {@link MeetingStore#search} finds; a null criterion matches every meeting. The
 * organizer is named by id or by UPN (compared without regard to case); {@code startFrom} is inclusive,
 * {@code startBefore} exclusive; {@code offset} and {@code limit} cut one page out of the ordered result.
 */
public record MeetingSearch(
        String organizerId,
        String organizerUpn,
        String externalId,
        String meetingId,
        Instant startFrom,
        Instant startBefore,
        int offset,
        int limit) {

    public MeetingSearch {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative");
        }
    }

    /** Whether {@code meeting} meets every criterion (the page aside). */
    public boolean matches(Meeting meeting) {
        Instant start = meeting.startDateTime().instant();
        return (organizerId == null || meeting.organizer().id().equalsIgnoreCase(organizerId))
                && (organizerUpn == null
                        || organizerUpn.equalsIgnoreCase(meeting.organizer().upn()))
                && (externalId == null || externalId.equals(meeting.externalId()))
                && (meetingId == null || meetingId.equals(meeting.id()))
                && (startFrom == null || !start.isBefore(startFrom))
                && (startBefore == null || start.isBefore(startBefore));
    }
}
