package io.graphmeet.meetings;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Graph's encodings of a meeting's id, chat thread and join link. */
public final class MeetingIds {

    private static final Pattern JOIN_LINK = Pattern.compile("/l/meetup-join/([^/?#]+)/0\\?context=([^&#]+)");
    private static final Pattern ORGANIZER_IN_CONTEXT = Pattern.compile("\"Oid\"\\s*:\\s*\"([^\"]+)\"");

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

    /**
     * The id of the meeting a join link of {@link #joinWebUrl}'s form belongs to (its thread and organizer are in
     * the link), or null if the link is not of that form. The link may be escaped or not.
     */
    public static String meetingIdOfJoinWebUrl(String joinWebUrl) {
        Matcher link = JOIN_LINK.matcher(canonicalJoinWebUrl(joinWebUrl));
        if (!link.find()) {
            return null;
        }
        Matcher organizer = ORGANIZER_IN_CONTEXT.matcher(link.group(2));
        return organizer.find() ? meetingId(organizer.group(1), link.group(1)) : null;
    }

    /**
     * The form in which two spellings of one join link are equal: every {@code %XX} escape decoded (as UTF-8),
     * {@code +} and a {@code %} that starts no escape kept as they are. So the stored link, the same link with
     * upper-case escapes and the fully decoded link are one; a link escaped twice is not.
     */
    public static String canonicalJoinWebUrl(String joinWebUrl) {
        if (joinWebUrl.indexOf('%') < 0) {
            return joinWebUrl;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(joinWebUrl.length());
        int at = 0;
        while (at < joinWebUrl.length()) {
            int high = at + 2 < joinWebUrl.length() && joinWebUrl.charAt(at) == '%'
                    ? Character.digit(joinWebUrl.charAt(at + 1), 16)
                    : -1;
            int low = high < 0 ? -1 : Character.digit(joinWebUrl.charAt(at + 2), 16);
            if (low >= 0) {
                bytes.write(high * 16 + low);
                at += 3;
            } else {
                int next = joinWebUrl.indexOf('%', at + 1);
                int until = next < 0 ? joinWebUrl.length() : next;
                bytes.writeBytes(joinWebUrl.substring(at, until).getBytes(StandardCharsets.UTF_8));
                at = until;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
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
