package io.graphmeet.meetings;

/** A meeting request broke one of Graph's rules; the message names the offending field. */
public final class InvalidMeetingException extends RuntimeException {

    public InvalidMeetingException(String message) {
        super(message, null, false, false);
    }
}
