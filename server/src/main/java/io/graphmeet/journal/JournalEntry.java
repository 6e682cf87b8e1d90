package io.graphmeet.journal;

import io.graphmeet.faults.AppliedFault;
import java.time.Instant;

/**
 * One Graph request as the journal keeps it, numbered: {@code sequence} orders every entry of the node, across
 * tenants, and never repeats while the node runs.
 */
public record JournalEntry(long sequence, Recorded request) {

    /**
     * What the Graph edge saw of one request. {@code caller} is null when the request's token was not verified;
     * {@code userId} is the user the path addresses (for {@code /me}, the signed-in user); {@code query} is the
     * raw query string or null; a body is null when the request had none that was read.
     */
    public record Recorded(
            Instant time,
            String requestId,
            String clientRequestId,
            String operation,
            String method,
            String path,
            String query,
            int status,
            String errorCode,
            double latencyMillis,
            Caller caller,
            String userId,
            String externalId,
            String meetingId,
            JournalBody requestBody,
            JournalBody responseBody,
            AppliedFault fault) {}

    /** Who called, as the verified token says; never the token itself. */
    public record Caller(Kind kind, String appId, String userId) {}

    /** An application acting as itself, or a user signed in to an application. */
    public enum Kind {
        APPLICATION("application"),
        DELEGATED("delegated");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The name in the admin API, e.g. {@code application}. */
        public String label() {
            return label;
        }
    }

    /** About how many bytes the entry keeps alive, bodies included, for the journal's memory bound. */
    long weight() {
        return 512 + JournalBody.weight(request.requestBody()) + JournalBody.weight(request.responseBody());
    }
}
