package io.graphmeet.testing;

import io.graphmeet.meetings.MeetingIdentifiers;
import java.util.UUID;

/** Always the same server-made values, for golden responses. */
public final class FixedIdentifiers implements MeetingIdentifiers {

    @Override
    public UUID newThreadGuid() {
        return UUID.fromString("6e1f0c4a-2b7d-4f3e-9a8b-5c6d7e8f9a0b");
    }

    @Override
    public String newJoinMeetingId() {
        return "368006932136";
    }

    @Override
    public String newPasscode() {
        return "Z3GYtQ";
    }
}
