package io.graphmeet.api.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.graphmeet.errors.GraphError;
import io.graphmeet.http.JsonFields;
import io.graphmeet.meetings.MeetingPatch;

/**
 * Reads an update body into a {@link MeetingPatch}. {@code externalId} and {@code joinMeetingIdSettings}
 * cannot be changed and are refused; read-only and unknown properties are ignored.
 */
public final class MeetingPatchJson {

    private MeetingPatchJson() {}

    public static MeetingPatch read(ObjectNode body) {
        JsonFields fields = JsonFields.of(body);
        if (fields.isSet("externalId")) {
            throw GraphError.BAD_REQUEST.with("externalId cannot be changed; it is set only by createOrGet.");
        }
        if (fields.isSet("joinMeetingIdSettings")) {
            throw GraphError.BAD_REQUEST.with("joinMeetingIdSettings cannot be changed after the meeting is created.");
        }
        JsonFields participants = fields.object("participants");
        return new MeetingPatch(
                fields.string("subject"),
                fields.string("startDateTime", GraphValues::timestamp),
                fields.string("endDateTime", GraphValues::timestamp),
                MeetingRequestJson.attendees(participants),
                organizerId(participants),
                SettingsJson.read(fields));
    }

    /** The id of {@code participants.organizer} if the body names one; an organizer without an id is refused. */
    private static String organizerId(JsonFields participants) {
        JsonFields organizer = participants == null ? null : participants.object("organizer");
        if (organizer == null) {
            return null;
        }
        JsonFields identity = organizer.object("identity");
        JsonFields user = identity == null ? null : identity.object("user");
        String id = user == null ? null : user.string("id");
        if (id == null) {
            throw GraphError.BAD_REQUEST.with("participants.organizer cannot be changed.");
        }
        return id;
    }
}
