package io.graphmeet.api.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.graphmeet.meetings.AttendeeRequest;
import io.graphmeet.meetings.MeetingRequest;
import io.graphmeet.meetings.NewMeetingRequest;
import io.graphmeet.meetings.ParticipantRole;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads createOrGet and create bodies, checking JSON types. Properties it does not know, {@code @odata.*}
 * annotations and {@code participants.organizer} are ignored, as Graph does.
 */
public final class MeetingRequestJson {

    private MeetingRequestJson() {}

    public static MeetingRequest createOrGet(ObjectNode body) {
        FieldReader fields = FieldReader.of(body);
        return new MeetingRequest(
                fields.string("externalId"),
                fields.string("subject"),
                fields.timestamp("startDateTime"),
                fields.timestamp("endDateTime"),
                attendees(fields.object("participants")));
    }

    /** A plain create body: as createOrGet's without {@code externalId}, plus settings and a passcode request. */
    public static NewMeetingRequest create(ObjectNode body) {
        FieldReader fields = FieldReader.of(body);
        if (fields.isSet("externalId")) {
            throw FieldReader.bad("externalId is only supported by createOrGet "
                    + "(POST .../onlineMeetings/createOrGet), not by create.");
        }
        FieldReader joinSettings = fields.object("joinMeetingIdSettings");
        Boolean passcodeRequired = joinSettings == null ? null : joinSettings.bool("isPasscodeRequired");
        return new NewMeetingRequest(
                fields.string("subject"),
                fields.timestamp("startDateTime"),
                fields.timestamp("endDateTime"),
                attendees(fields.object("participants")),
                SettingsJson.read(fields),
                Boolean.TRUE.equals(passcodeRequired));
    }

    /** {@code participants.attendees}, or null if the body does not name them. */
    static List<AttendeeRequest> attendees(FieldReader participants) {
        List<FieldReader> attendees = participants == null ? null : participants.objects("attendees");
        if (attendees == null) {
            return null;
        }
        List<AttendeeRequest> result = new ArrayList<>(attendees.size());
        for (FieldReader attendee : attendees) {
            FieldReader identity = attendee.object("identity");
            FieldReader user = identity == null ? null : identity.object("user");
            String id = user == null ? null : user.string("id");
            if (id == null || id.isBlank()) {
                throw FieldReader.bad(attendee.pathOf("identity.user.id") + " is required.");
            }
            result.add(new AttendeeRequest(id, attendee.string("upn"),
                    attendee.enumValue("role", ParticipantRole.class)));
        }
        return result;
    }
}
