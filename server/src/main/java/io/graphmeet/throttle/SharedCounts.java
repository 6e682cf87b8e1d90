package io.graphmeet.throttle;

import java.util.List;

/**
 * Counts kept where every node sees them (the database). {@link #add} adds each delta to its window's count
 * atomically, creating the row when it is missing, so any number of nodes adding at once lose no count; it returns
 * the totals after the additions, others' included. Windows that ended long ago may be forgotten.
 */
public interface SharedCounts {

    /** One window's count to add to: {@code scope} names the limit and its subject. */
    record Delta(String scope, long windowStartMillis, long windowEndMillis, long delta) {}

    /** Adds every delta in one transaction; the totals come back in the same order. */
    List<Long> add(List<Delta> deltas);

    /** Drops windows that ended before {@code endMillis}. */
    void forgetBefore(long endMillis);
}
