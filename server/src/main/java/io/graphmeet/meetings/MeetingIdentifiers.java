package io.graphmeet.meetings;

import java.util.UUID;

/** The source of server-generated values, replaceable in tests. */
public interface MeetingIdentifiers {

    /** A new random GUID for a meeting's chat thread. */
    UUID newThreadGuid();

    /** A new 12-digit join meeting id, without a leading zero. */
    String newJoinMeetingId();

    /** A new passcode. */
    String newPasscode();
}
