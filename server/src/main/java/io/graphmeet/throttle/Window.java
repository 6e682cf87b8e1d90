package io.graphmeet.throttle;

import java.util.concurrent.atomic.AtomicLong;

/**
 * One limit's count in one window on this node: what the other nodes had added when this node last synchronised,
 * plus what this node admitted since.
 */
final class Window {

    final String scope;
    final long startMillis;
    final long endMillis;
    /** Admitted here and not yet added to the shared count. */
    private final AtomicLong unshared = new AtomicLong();
    /**
     * Taken from {@link #unshared} by a synchronisation still on its way to the shared count: still counted, so that
     * no request slips in while it travels (for that moment a count may be seen twice, which refuses early, never late).
     */
    private final AtomicLong sharing = new AtomicLong();
    /** The shared total as last read, this node's earlier additions included. */
    volatile long shared;
    /** Asked about since the last synchronisation: its shared total is worth reading again. */
    volatile boolean touched = true;

    Window(String scope, long startMillis, long endMillis) {
        this.scope = scope;
        this.startMillis = startMillis;
        this.endMillis = endMillis;
    }

    /** Counts one more if that stays within {@code limit}; false when the window is full. */
    boolean tryAcquire(long limit) {
        touched = true;
        while (true) {
            long mine = unshared.get();
            if (shared + sharing.get() + mine >= limit) {
                return false;
            }
            if (unshared.compareAndSet(mine, mine + 1)) {
                return true;
            }
        }
    }

    void add() {
        touched = true;
        unshared.incrementAndGet();
    }

    boolean full(long limit) {
        touched = true;
        return shared + sharing.get() + unshared.get() >= limit;
    }

    /** Takes what this node admitted since the last synchronisation, to add it to the shared count. */
    long takeForSharing() {
        long delta = unshared.get();
        sharing.addAndGet(delta);
        unshared.addAndGet(-delta);
        return delta;
    }

    /** The shared count took {@code delta} (taken by {@link #takeForSharing}) and now stands at {@code total}. */
    void shared(long delta, long total) {
        shared = total;
        sharing.addAndGet(-delta);
    }

    /** The shared count could not take {@code delta}: it is this node's unshared count again. */
    void giveBack(long delta) {
        unshared.addAndGet(delta);
        sharing.addAndGet(-delta);
    }
}
