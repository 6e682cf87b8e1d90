package io.graphmeet.issuer;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Where the built-in issuer's signing keys live, private parts included, so that tokens survive restarts and
 * every node sharing the database signs and verifies with the same keys. Writes commit before they return.
 */
public interface SigningKeyStore {

    /** Every stored key: the signing key first, then the others newest first (by creation time, then key id). */
    List<StoredKey> keys();

    /**
     * Adds {@code key} unless a key that is still signing (no retire time) exists; returns whether it was
     * added. Two nodes racing on an empty store may both add one: both keys then verify, the newer signs.
     */
    boolean addFirst(StoredKey key);

    /**
     * In one transaction: deletes keys retired before {@code now}, gives every key still signing the retire
     * time {@code retireOthersAt}, and adds {@code key} as the one that signs from now on.
     */
    void rotate(StoredKey key, Instant retireOthersAt, Instant now);

    /** A key as stored: its id, the private key as JWK JSON, and when it stops being trusted (null: never yet). */
    record StoredKey(String kid, String privateJwk, Instant createdAt, Instant retireAt) {

        public StoredKey {
            Objects.requireNonNull(kid, "kid");
            Objects.requireNonNull(privateJwk, "privateJwk");
            Objects.requireNonNull(createdAt, "createdAt");
        }

        /** Whether this key signs new tokens. */
        public boolean signing() {
            return retireAt == null;
        }
    }
}
