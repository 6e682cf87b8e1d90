package io.graphmeet.api.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.graphmeet.meetings.MeetingPatch;

/**
 * Reads an update body into a {@link MeetingPatch}. {@code externalId} and {@code joinMeetingIdSettings}
 * cannot be changed and are refused; read-only and unknown properties are ignored.
 */
public final class MeetingPatchJson {

    private MeetingPatchJson() {}

    public static MeetingPatch read(ObjectNode body) {
        FieldReader fields = FieldReader.of(body);
        if (fields.isSet("externalId")) {
            throw FieldReader.bad("externalId cannot be changed; it is set only by createOrGet.");
        }
        if (fields.isSet("joinMeetingIdSettings")) {
            throw FieldReader.bad("joinMeetingIdSettings cannot be changed after the meeting is created.");
        }
        FieldReader participants = fields.object("participants");
        return new MeetingPatch(
                fields.string("subject"),
                fields.timestamp("startDateTime"),
                fields.timestamp("endDateTime"),
                MeetingRequestJson.attendees(participants),
                organizerId(participants),
                SettingsJson.read(fields));
    }

    /** The id of {@code participants.organizer} if the body names one; an organizer without an id is refused. */
    private static String organizerId(FieldReader participants) {
        FieldReader organizer = participants == null ? null : participants.object("organizer");
        if (organizer == null) {
            return null;
        }
        FieldReader identity = organizer.object("identity");
        FieldReader user = identity == null ? null : identity.object("user");
        String id = user == null ? null : user.string("id");
        if (id == null) {
            throw FieldReader.bad("participants.organizer cannot be changed.");
        }
        return id;
    }
}
