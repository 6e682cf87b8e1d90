package io.graphmeet.join;

import io.graphmeet.meetings.MeetingIds;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Which meeting a join or meeting-options link names: its tenant and its id, both carried by the link itself. */
record MeetingLink(String tenantId, String meetingId) {

    private static final Pattern GUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern TENANT_IN_CONTEXT = Pattern.compile("\"Tid\"\\s*:\\s*\"([^\"]+)\"");
    private static final String THREAD_PREFIX_IN_OPTIONS = "19_";

    /**
     * The meeting of a join link, {@code /l/meetup-join/{threadId}/0?context={"Tid":..,"Oid":..}}, escaped or not;
     * null when the link is not of that form.
     */
    static MeetingLink ofJoinLink(String pathAndQuery) {
        String meetingId = MeetingIds.meetingIdOfJoinWebUrl(pathAndQuery);
        Matcher tenant = TENANT_IN_CONTEXT.matcher(MeetingIds.canonicalJoinWebUrl(pathAndQuery));
        if (meetingId == null
                || !tenant.find()
                || !GUID.matcher(tenant.group(1)).matches()) {
            return null;
        }
        return new MeetingLink(tenant.group(1).toLowerCase(Locale.ROOT), meetingId);
    }

    /**
     * The meeting of a meeting-options link's query, {@code organizerId}, {@code tenantId} and {@code threadId} (whose
     * {@code :} Teams writes as {@code _}); null when one is missing or malformed.
     */
    static MeetingLink ofOptions(String organizerId, String tenantId, String threadId) {
        if (organizerId == null
                || tenantId == null
                || threadId == null
                || !GUID.matcher(tenantId).matches()
                || !GUID.matcher(organizerId).matches()
                || !threadId.startsWith(THREAD_PREFIX_IN_OPTIONS)) {
            return null;
        }
        String thread = "19:" + threadId.substring(THREAD_PREFIX_IN_OPTIONS.length());
        return new MeetingLink(tenantId.toLowerCase(Locale.ROOT), MeetingIds.meetingId(organizerId, thread));
    }
}
