package io.graphmeet.faults;

/** A fault rule that cannot be set as asked; the message names the property and is safe to show as it is. */
public final class InvalidFaultRuleException extends RuntimeException {

    public InvalidFaultRuleException(String message) {
        super(message, null, false, false);
    }
}
