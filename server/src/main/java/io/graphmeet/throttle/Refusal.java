package io.graphmeet.throttle;

import java.time.Duration;

/** A request over a limit: which limit, and how long until its window ends. */
public record Refusal(String limit, Duration retryAfter) {

    /** Whole seconds for {@code Retry-After}, at least one. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
