package io.graphmeet.meetings;

import java.util.List;

/**
 * What a caller asks createOrGet for, before validation and defaults. Any field may be null;
 * {@link MeetingService} decides what is acceptable.
 */
public record MeetingRequest(
        String externalId,
        String subject,
        Timestamp startDateTime,
        Timestamp endDateTime,
        List<AttendeeRequest> attendees) {

    public MeetingRequest {
        attendees = attendees == null ? List.of() : List.copyOf(attendees);
    }
}
