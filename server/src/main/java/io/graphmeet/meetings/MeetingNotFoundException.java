package io.graphmeet.meetings;

/** No live meeting answers to the id or join details given, as far as the requester may know. */
public final class MeetingNotFoundException extends RuntimeException {

    public MeetingNotFoundException() {
        super("meeting not found", null, false, false);
    }
}
