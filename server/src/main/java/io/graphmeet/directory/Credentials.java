package io.graphmeet.directory;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * How sign-in credentials are hashed and checked. Passwords are chosen by people, so they get PBKDF2 with a
 * salt and many iterations; client secrets are generated with 240 random bits, so one SHA-256 is enough.
 * Hashes name their scheme and parameters, so they can be strengthened later without a migration.
 */
public final class Credentials {

    private static final String PBKDF2 = "pbkdf2-sha256";
    private static final String SHA256 = "sha256";
    private static final int ITERATIONS = 100_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] SECRET_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789~_".toCharArray();

    private Credentials() {}

    /** {@code pbkdf2-sha256$iterations$salt$hash}, base64 parts. */
    public static String hashPassword(String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return String.join(
                "$", PBKDF2, Integer.toString(ITERATIONS), base64(salt), base64(pbkdf2(password, salt, ITERATIONS)));
    }

    /** {@code sha256$hash}. */
    public static String hashSecret(String secret) {
        return SHA256 + "$" + base64(sha256(secret));
    }

    /**
     * Whether {@code candidate} is the password whose hash is {@code hashOrNull}. Without a hash (an unknown
     * user, or one without a password) a password is still hashed, so the answer takes as long either way and
     * does not tell who exists.
     */
    public static boolean passwordMatches(String candidate, String hashOrNull) {
        if (hashOrNull == null) {
            matches(candidate == null ? "" : candidate, Unknown.HASH);
            return false;
        }
        return matches(candidate, hashOrNull);
    }

    /** Whether {@code candidate} hashes to {@code hash}, compared in constant time. */
    public static boolean matches(String candidate, String hash) {
        if (candidate == null || hash == null) {
            return false;
        }
        String[] parts = hash.split("\\$");
        byte[] expected;
        byte[] actual;
        try {
            if (parts.length == 4 && parts[0].equals(PBKDF2)) {
                expected = Base64.getDecoder().decode(parts[3]);
                actual = pbkdf2(candidate, Base64.getDecoder().decode(parts[2]), Integer.parseInt(parts[1]));
            } else if (parts.length == 2 && parts[0].equals(SHA256)) {
                expected = Base64.getDecoder().decode(parts[1]);
                actual = sha256(candidate);
            } else {
                return false;
            }
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(expected, actual);
    }

    /** A new client secret of 40 characters (240 random bits), letters, digits, {@code ~} and {@code _}. */
    public static String newSecret() {
        StringBuilder secret = new StringBuilder(40);
        for (int i = 0; i < 40; i++) {
            secret.append(SECRET_ALPHABET[RANDOM.nextInt(64)]);
        }
        return secret.toString();
    }

    /** A password hash no one knows the password of, made once, with the same work as every user's. */
    private static final class Unknown {
        static final String HASH = hashPassword(newSecret());
    }

    private static byte[] pbkdf2(String password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BITS);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(spec)
                    .getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this JDK", e);
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().withoutPadding().encodeToString(bytes);
    }
}
