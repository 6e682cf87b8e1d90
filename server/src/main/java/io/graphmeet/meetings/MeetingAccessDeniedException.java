package io.graphmeet.meetings;

/** The requester may know the meeting exists but may not do this to it; the message says what. */
public final class MeetingAccessDeniedException extends RuntimeException {

    public MeetingAccessDeniedException(String message) {
        super(message, null, false, false);
    }
}
