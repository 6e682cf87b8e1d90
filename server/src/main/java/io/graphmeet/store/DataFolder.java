package io.graphmeet.store;

import io.graphmeet.config.ConfigException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The data folder of the embedded database and the generated admin key, readable by its owner only: the folder
 * {@code 0700}, every file in it {@code 0600}. The database holds the built-in issuer's private keys, so any
 * local account that could read it could mint tokens for any tenant. On file systems without POSIX permissions
 * (Windows) nothing is changed.
 */
public final class DataFolder {

    private static final Logger LOG = Logger.getLogger(DataFolder.class.getName());
    private static final Set<PosixFilePermission> OWNER_FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_EXECUTE);

    private DataFolder() {}

    /**
     * Creates {@code folder} as {@code 0700}, or makes an existing one and the database files in it owner-only;
     * refuses (naming storage.dataDir) a folder or file it cannot make private, such as one owned by another
     * account. Other files are left to their owners ({@link #requirePrivate} refuses a secret one others can read).
     */
    public static Path prepare(Path folder) {
        try {
            if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(folder, attributes(OWNER_FOLDER));
            }
            if (!Files.isDirectory(folder)) {
                throw new ConfigException("storage.dataDir: " + folder + " is not a folder");
            }
            if (posix()) {
                tighten(folder, OWNER_FOLDER);
                try (Stream<Path> files = Files.list(folder)) {
                    for (Path file : files.filter(DataFolder::isDatabaseFile).toList()) {
                        tighten(file, OWNER_FILE);
                    }
                }
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the data folder " + folder, e);
        }
    }

    /** An empty file created with mode {@code 0600} if it does not exist yet, so no other account ever reads it. */
    static void createPrivateFile(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createFile(file, attributes(OWNER_FILE));
            }
        } catch (FileAlreadyExistsException e) {
            // created meanwhile by another opener: its mode is checked with the folder's files
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file, e);
        }
    }

    /** Writes {@code text} to {@code file} atomically, the file having its final mode {@code 0600} from birth. */
    public static void writePrivately(Path file, String text) {
        Path folder = file.toAbsolutePath().getParent();
        try {
            Path temporary =
                    Files.createTempFile(folder, file.getFileName().toString(), ".tmp", attributes(OWNER_FILE));
            try {
                Files.writeString(temporary, text);
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Refuses a secret file that other accounts may read or write. */
    public static void requirePrivate(Path file, String setting) {
        if (!posix()) {
            return;
        }
        try {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
            if (mode.stream().anyMatch(OTHERS::contains)) {
                throw new ConfigException(setting + ": " + file + " is readable by other accounts (mode "
                        + PosixFilePermissions.toString(mode) + "); make it owner-only: chmod 600 " + file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the permissions of " + file, e);
        }
    }

    private static boolean isDatabaseFile(Path file) {
        return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                && file.getFileName().toString().startsWith(Database.EMBEDDED_FILE);
    }

    private static void tighten(Path path, Set<PosixFilePermission> wanted) throws IOException {
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
        if (mode.stream().noneMatch(OTHERS::contains)) {
            return;
        }
        try {
            Files.setPosixFilePermissions(path, wanted);
            LOG.warning("made " + path + " owner-only (was " + PosixFilePermissions.toString(mode) + ")");
        } catch (IOException e) {
            throw new ConfigException("storage.dataDir: " + path + " is readable by other accounts (mode "
                    + PosixFilePermissions.toString(mode) + ") and cannot be made owner-only (" + e.getMessage()
                    + "); run graphmeet as its owner or chmod it yourself");
        }
    }

    private static FileAttribute<?>[] attributes(Set<PosixFilePermission> mode) {
        return posix() ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(mode)} : new FileAttribute<?>[0];
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
