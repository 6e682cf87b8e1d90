package io.graphmeet.meetings;

import java.util.List;
import java.util.Objects;

/**
 * What a caller asks plain create for: like {@link MeetingRequest} without an external id, plus the
 * settings Graph lets a new meeting start with and whether it needs a passcode. Any field may be null.
 */
public record NewMeetingRequest(
        String subject,
        Timestamp startDateTime,
        Timestamp endDateTime,
        List<AttendeeRequest> attendees,
        SettingsPatch settings,
        boolean passcodeRequired) {

    public NewMeetingRequest {
        attendees = attendees == null ? List.of() : List.copyOf(attendees);
        settings = Objects.requireNonNullElse(settings, SettingsPatch.none());
    }
}
