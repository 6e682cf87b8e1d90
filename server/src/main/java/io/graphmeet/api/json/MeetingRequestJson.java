package io.graphmeet.api.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.graphmeet.errors.GraphError;
import io.graphmeet.http.JsonFields;
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
        JsonFields fields = JsonFields.of(body);
        return new MeetingRequest(
                fields.string("externalId"),
                fields.string("subject"),
                fields.string("startDateTime", GraphValues::timestamp),
                fields.string("endDateTime", GraphValues::timestamp),
                attendees(fields.object("participants")));
    }

    /** A plain create body: as createOrGet's without {@code externalId}, plus settings and a passcode request. */
    public static NewMeetingRequest create(ObjectNode body) {
        JsonFields fields = JsonFields.of(body);
        if (fields.isSet("externalId")) {
            throw GraphError.BAD_REQUEST.with("externalId is only supported by createOrGet "
                    + "(POST .../onlineMeetings/createOrGet), not by create.");
        }
        JsonFields joinSettings = fields.object("joinMeetingIdSettings");
        Boolean passcodeRequired = joinSettings == null ? null : joinSettings.bool("isPasscodeRequired");
        return new NewMeetingRequest(
                fields.string("subject"),
                fields.string("startDateTime", GraphValues::timestamp),
                fields.string("endDateTime", GraphValues::timestamp),
                attendees(fields.object("participants")),
                SettingsJson.read(fields),
                Boolean.TRUE.equals(passcodeRequired));
    }

    /** {@code participants.attendees}, or null if the body does not name them. */
    static List<AttendeeRequest> attendees(JsonFields participants) {
        List<JsonFields> attendees = participants == null ? null : participants.objects("attendees");
        if (attendees == null) {
            return null;
        }
        List<AttendeeRequest> result = new ArrayList<>(attendees.size());
        for (JsonFields attendee : attendees) {
            JsonFields identity = attendee.object("identity");
            JsonFields user = identity == null ? null : identity.object("user");
            String id = user == null ? null : user.string("id");
            if (id == null || id.isBlank()) {
                throw GraphError.BAD_REQUEST.with(attendee.pathOf("identity.user.id") + " is required.");
            }
            result.add(new AttendeeRequest(
                    id, attendee.string("upn"), attendee.string("role", GraphValues.member(ParticipantRole.class))));
        }
        return result;
    }
}
