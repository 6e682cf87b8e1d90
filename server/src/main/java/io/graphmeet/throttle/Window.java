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
    final AtomicLong unshared = new AtomicLong();
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
            if (shared + mine >= limit) {
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
        return shared + unshared.get() >= limit;
    }
}
