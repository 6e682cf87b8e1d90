package io.graphmeet.journal;

/**
 * Which entries of a tenant's journal to read; every criterion is optional (null). With {@code after}, the oldest
 * {@code top} entries newer than that sequence number, so that a poller never skips one; without it, the newest
 * {@code top}. Either way oldest first.
 */
public record JournalQuery(String operation, Integer status, String externalId, Long after, Integer top) {

    /** Every entry. */
    public static final JournalQuery ALL = new JournalQuery(null, null, null, null, null);

    boolean matches(JournalEntry entry) {
        JournalEntry.Recorded request = entry.request();
        return (after == null || entry.sequence() > after)
                && (operation == null || operation.equals(request.operation()))
                && (status == null || status == request.status())
                && (externalId == null || externalId.equals(request.externalId()));
    }
}
