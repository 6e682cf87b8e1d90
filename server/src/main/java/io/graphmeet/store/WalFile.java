package io.graphmeet.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * The embedded database's write-ahead log, synced from outside SQLite: {@link #run()} flushes to disk every
 * frame written to the file before it was called (on Linux an fdatasync through any descriptor flushes the
 * file). The descriptor stays open, so a write-back error after SQLite's write is still reported to it; it is
 * opened again only if SQLite replaced the file (which it does only after checkpointing it whole, when the last
 * connection closed).
 */
final class WalFile implements GroupCommitter.Sync {

    private final Path path;
    private FileChannel channel;
    private Object fileKey;

    WalFile(Path databaseFile) {
        this.path = Path.of(databaseFile + "-wal");
    }

    @Override
    public synchronized void run() throws IOException {
        Object current = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
        if (channel == null || !Objects.equals(current, fileKey)) {
            close();
            channel = FileChannel.open(path, StandardOpenOption.WRITE);
            fileKey = current;
        }
        channel.force(false);
    }

    synchronized void close() throws IOException {
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }
}
