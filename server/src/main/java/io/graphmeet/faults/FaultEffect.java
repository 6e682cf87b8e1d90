package io.graphmeet.faults;

import java.util.List;

/** What a rule does to a request it applies to. */
public sealed interface FaultEffect {

    /** The statuses an error effect may answer, each in Graph's error envelope. */
    List<Integer> ERROR_STATUSES = List.of(429, 500, 503, 504);

    /** The statuses a commit-then-fail effect may answer: those that leave a client unsure whether it was done. */
    List<Integer> UNKNOWN_OUTCOME_STATUSES = List.of(500, 503, 504);

    /** The most latency a rule may add, so a forgotten rule cannot hang a client. */
    long MAX_LATENCY_MILLIS = 60_000;

    /** The longest {@code Retry-After} a rule may send. */
    int MAX_RETRY_AFTER_SECONDS = 3_600;

    /** Whether the effect applies after the endpoint committed its work, rather than before the endpoint runs. */
    default boolean afterCommit() {
        return false;
    }

    /** The effect in words, for the request journal, e.g. {@code error 429, Retry-After 5}. */
    String inWords();

    /**
     * The request is not served: it is answered {@code status} in Graph's error envelope, with {@code Retry-After}
     * when {@code retryAfterSeconds} is set (a {@code 429} always carries one, 5 seconds unless told, as Graph and
     * Dev Proxy send it).
     */
    record Error(int status, Integer retryAfterSeconds) implements FaultEffect {

        static final int DEFAULT_THROTTLE_RETRY_AFTER_SECONDS = 5;

        public Error {
            if (!ERROR_STATUSES.contains(status)) {
                throw new InvalidFaultRuleException("Property 'effect.status' must be one of " + ERROR_STATUSES
                        + " for an error, was " + status + ".");
            }
            if (retryAfterSeconds != null && (retryAfterSeconds < 0 || retryAfterSeconds > MAX_RETRY_AFTER_SECONDS)) {
                throw new InvalidFaultRuleException("Property 'effect.retryAfterSeconds' must be between 0 and "
                        + MAX_RETRY_AFTER_SECONDS + ", was " + retryAfterSeconds + ".");
            }
            if (retryAfterSeconds == null && status == 429) {
                retryAfterSeconds = DEFAULT_THROTTLE_RETRY_AFTER_SECONDS;
            }
        }

        @Override
        public String inWords() {
            return "error " + status + (retryAfterSeconds == null ? "" : ", Retry-After " + retryAfterSeconds);
        }
    }

    /** The request waits {@code millis} before it is served as usual. */
    record Latency(long millis) implements FaultEffect {

        public Latency {
            if (millis < 1 || millis > MAX_LATENCY_MILLIS) {
                throw new InvalidFaultRuleException("Property 'effect.millis' must be between 1 and "
                        + MAX_LATENCY_MILLIS + ", was " + millis + ".");
            }
        }

        @Override
        public String inWords() {
            return "latency " + millis + " ms";
        }
    }

    /**
     * The request is served and its work committed (a created meeting is durably stored), then the answer is lost:
     * the client gets {@code status} (503 unless told) or, with {@code drop}, a connection closed with no answer.
     */
    record CommitThenFail(Integer status, boolean drop) implements FaultEffect {

        static final int DEFAULT_STATUS = 503;

        public CommitThenFail {
            if (drop && status != null) {
                throw new InvalidFaultRuleException("Property 'effect.status' cannot be given with 'drop': true; "
                        + "a dropped connection answers nothing.");
            }
            if (!drop && status == null) {
                status = DEFAULT_STATUS;
            }
            if (status != null && !UNKNOWN_OUTCOME_STATUSES.contains(status)) {
                throw new InvalidFaultRuleException("Property 'effect.status' must be one of "
                        + UNKNOWN_OUTCOME_STATUSES + " for commitThenFail, was " + status + ".");
            }
        }

        @Override
        public boolean afterCommit() {
            return true;
        }

        @Override
        public String inWords() {
            return drop
                    ? "committed, then closed the connection without an answer"
                    : "committed, then answered " + status;
        }
    }
}
