package io.graphmeet.store;

import io.graphmeet.meetings.Attendee;
import io.graphmeet.meetings.Meeting;
import io.graphmeet.meetings.Person;
import java.util.List;

/**
 * About how many bytes of heap a cached value holds, so caches are bounded by memory rather than by a count of
 * entries whose size a caller chooses (a meeting with a thousand attendees weighs a hundred times one without).
 * Estimates lean high: two bytes a character, and a fixed cost per object for headers, references and Caffeine's
 * own node.
 */
final class CacheWeights {

    /** Object headers, references, timestamps, settings and the cache node of one meeting. */
    private static final int MEETING_OVERHEAD = 1_024;
    /** Object headers and references of one attendee, its person and its list slot. */
    private static final int ATTENDEE_OVERHEAD = 96;
    /** Object headers and references of one cache entry and its key. */
    static final int ENTRY_OVERHEAD = 128;

    private CacheWeights() {}

    static int meeting(Meeting meeting) {
        long bytes = MEETING_OVERHEAD
                + chars(
                        meeting.id(),
                        meeting.tenantId(),
                        meeting.externalId(),
                        meeting.threadId(),
                        meeting.joinWebUrl(),
                        meeting.joinMeetingId(),
                        meeting.passcode(),
                        meeting.subject())
                + person(meeting.organizer())
                + attendees(meeting.attendees());
        return (int) Math.min(Integer.MAX_VALUE, bytes);
    }

    static long attendees(List<Attendee> attendees) {
        long bytes = 0;
        for (Attendee attendee : attendees) {
            bytes += ATTENDEE_OVERHEAD + person(attendee.person());
        }
        return bytes;
    }

    /** Two bytes a character: the worst case of a Java string. */
    static long chars(String... texts) {
        long bytes = 0;
        for (String text : texts) {
            bytes += text == null ? 0 : 2L * text.length();
        }
        return bytes;
    }

    private static long person(Person person) {
        return chars(person.id(), person.tenantId(), person.upn(), person.displayName());
    }
}
