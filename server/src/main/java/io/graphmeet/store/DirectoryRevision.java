package io.graphmeet.store;

/**
 * A number that changes whenever the directory may have changed, on this node or on any other node sharing
 * the database; {@link CachedDirectoryStore} drops what it remembers when it moves.
 */
interface DirectoryRevision extends AutoCloseable {

    long current();

    /** Called after this node committed a directory write. */
    void bump();

    @Override
    default void close() {}

    /** For a database only this process writes (the embedded file): every change passes through {@link #bump}. */
    static DirectoryRevision local() {
        return new DirectoryRevision() {
            private final java.util.concurrent.atomic.AtomicLong revision =
                    new java.util.concurrent.atomic.AtomicLong();

            @Override
            public long current() {
                return revision.get();
            }

            @Override
            public void bump() {
                revision.incrementAndGet();
            }
        };
    }
}
