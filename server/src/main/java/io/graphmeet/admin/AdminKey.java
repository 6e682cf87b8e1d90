package io.graphmeet.admin;

import io.graphmeet.config.GraphmeetConfig;
import io.graphmeet.store.DataFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The key the admin API demands as {@code Authorization: Bearer {key}}: {@code admin.key} when set; in the
 * development profile otherwise a random key kept in {@code {dataDir}/admin.key} (created on first start,
 * readable by its owner only); in production otherwise none, and so no admin API.
 */
public record AdminKey(String value, Path file) {

    /** The file name of a generated key inside the data directory. */
    public static final String FILE_NAME = "admin.key";

    /** The key to use, or empty when the admin API stays off. */
    public static Optional<AdminKey> resolve(GraphmeetConfig config) {
        if (config.admin().key() != null) {
            return Optional.of(new AdminKey(config.admin().key(), null));
        }
        if (config.profile() == GraphmeetConfig.Profile.PRODUCTION) {
            return Optional.empty();
        }
        return Optional.of(generated(config.storage().dataDir().resolve(FILE_NAME)));
    }

    /** Whether {@code candidate} is this key, compared in time that does not depend on where they differ. */
    public boolean matches(String candidate) {
        return candidate != null && MessageDigest.isEqual(sha256(candidate), sha256(value));
    }

    @Override
    public String toString() {
        return "AdminKey[****" + (file == null ? "" : ", file=" + file) + "]";
    }

    private static AdminKey generated(Path file) {
        try {
            if (Files.exists(file)) {
                DataFolder.requirePrivate(file, "admin.key");
                String existing = Files.readString(file).strip();
                if (!existing.isEmpty()) {
                    return new AdminKey(existing, file);
                }
            }
            DataFolder.prepare(file.toAbsolutePath().getParent());
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String key = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            DataFolder.writePrivately(file, key + "\n");
            return new AdminKey(key, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the admin key in " + file, e);
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
