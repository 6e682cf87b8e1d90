package io.graphmeet.meetings;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;

/** Graph's encodings of a meeting's id, chat thread and join link. */
public final class MeetingIds {

    private MeetingIds() {}

    /** {@code 19:meeting_{base64(guid)}@thread.v2}. */
    public static String threadId(UUID guid) {
        return "19:meeting_" + base64(guid.toString()) + "@thread.v2";
    }

    /** base64 of {@code 1*{organizerId}*0**{threadId}}. */
    public static String meetingId(String organizerId, String threadId) {
        return base64("1*" + organizerId + "*0**" + threadId);
    }

    /** The organizer id inside a meeting id, or null if the id is not in Graph's format. */
    public static String organizerOf(String meetingId) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(meetingId), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        String[] parts = decoded.split("\\*", -1);
        return parts.length == 5 && parts[0].equals("1") ? parts[1] : null;
    }

    /** {@code {joinBase}/l/meetup-join/{threadId}/0?context={"Tid":..,"Oid":..}}, escaped as Teams does. */
    public static String joinWebUrl(String joinBase, String threadId, String tenantId, String organizerId) {
        String context = "{\"Tid\":\"" + tenantId + "\",\"Oid\":\"" + organizerId + "\"}";
        return joinBase + "/l/meetup-join/" + escape(threadId) + "/0?context=" + escape(context);
    }

    private static String escape(String text) {
        String encoded = URLEncoder.encode(text, StandardCharsets.UTF_8);
        StringBuilder lower = new StringBuilder(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                lower.append('%').append(encoded.substring(i + 1, i + 3).toLowerCase(Locale.ROOT));
                i += 2;
            } else {
                lower.append(c);
            }
        }
        return lower.toString();
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
