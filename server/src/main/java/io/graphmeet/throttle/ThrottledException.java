package io.graphmeet.throttle;

/** A request refused because it is over one of the throttling limits; Graph answers it with 429 and Retry-After. */
public final class ThrottledException extends RuntimeException {

    private final transient Refusal refusal;

    public ThrottledException(Refusal refusal) {
        super("over the " + refusal.limit() + " limit", null, false, false);
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }
}
