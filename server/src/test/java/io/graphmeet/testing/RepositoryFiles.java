package io.graphmeet.testing;

import java.nio.file.Path;

/**
 * Files of the repository outside the server module (README, docs, clients, bin): the build passes the
 * repository's root as {@code graphmeet.repository}; a run from an IDE falls back to the module's parent.
 */
public final class RepositoryFiles {
    private RepositoryFiles() {}

    public static Path path(String first, String... more) {
        String root = System.getProperty("graphmeet.repository", "..");
        return Path.of(root).resolve(Path.of(first, more)).normalize();
    }
}
