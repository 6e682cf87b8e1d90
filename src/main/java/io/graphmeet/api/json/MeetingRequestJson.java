package io.graphmeet.api.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.graphmeet.errors.GraphError;
import io.graphmeet.errors.GraphException;
import io.graphmeet.meetings.AttendeeRequest;
import io.graphmeet.meetings.MeetingRequest;
import io.graphmeet.meetings.ParticipantRole;
import io.graphmeet.meetings.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a createOrGet body into a {@link MeetingRequest}, checking JSON types. Properties it does not know,
 * {@code @odata.*} annotations and {@code participants.organizer} are ignored, as Graph does.
 */
public final class MeetingRequestJson {

    private MeetingRequestJson() {}

    public static MeetingRequest createOrGet(ObjectNode body) {
        return new MeetingRequest(
                string(body, "externalId"),
                string(body, "subject"),
                timestamp(body, "startDateTime"),
                timestamp(body, "endDateTime"),
                attendees(body.get("participants")));
    }

    private static List<AttendeeRequest> attendees(JsonNode participants) {
        if (isAbsent(participants)) {
            return List.of();
        }
        if (!participants.isObject()) {
            throw bad("participants must be an object.");
        }
        JsonNode attendees = participants.get("attendees");
        if (isAbsent(attendees)) {
            return List.of();
        }
        if (!attendees.isArray()) {
            throw bad("participants.attendees must be an array.");
        }
        List<AttendeeRequest> result = new ArrayList<>(attendees.size());
        for (int i = 0; i < attendees.size(); i++) {
            result.add(attendee(attendees.get(i), "participants.attendees[" + i + "]"));
        }
        return result;
    }

    private static AttendeeRequest attendee(JsonNode node, String path) {
        if (!node.isObject()) {
            throw bad(path + " must be an object.");
        }
        JsonNode user = node.path("identity").path("user");
        if (!user.isObject()) {
            throw bad(path + ".identity.user is required.");
        }
        String id = string((ObjectNode) user, "id", path + ".identity.user.id");
        if (id == null || id.isBlank()) {
            throw bad(path + ".identity.user.id is required.");
        }
        String upn = string((ObjectNode) node, "upn", path + ".upn");
        String roleText = string((ObjectNode) node, "role", path + ".role");
        ParticipantRole role = null;
        if (roleText != null) {
            role = EnumNames.parse(ParticipantRole.class, roleText);
            if (role == null || role == ParticipantRole.UNKNOWN_FUTURE_VALUE) {
                throw bad(path + ".role: '" + roleText + "' is not a valid onlineMeetingRole.");
            }
        }
        return new AttendeeRequest(id, upn, role);
    }

    private static Timestamp timestamp(ObjectNode body, String field) {
        String text = string(body, field);
        if (text == null) {
            return null;
        }
        Timestamp parsed = Timestamp.parseOrNull(text);
        if (parsed == null) {
            throw bad(field + ": '" + text + "' is not an ISO-8601 date-time with an offset and at most 7 "
                    + "fractional digits.");
        }
        return parsed;
    }

    private static String string(ObjectNode body, String field) {
        return string(body, field, field);
    }

    private static String string(ObjectNode body, String field, String path) {
        JsonNode value = body.get(field);
        if (isAbsent(value)) {
            return null;
        }
        if (!value.isTextual()) {
            throw bad(path + " must be a string.");
        }
        return value.textValue();
    }

    private static boolean isAbsent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    private static GraphException bad(String message) {
        return GraphError.BAD_REQUEST.with(message);
    }
}
