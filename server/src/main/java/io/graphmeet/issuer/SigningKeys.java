package io.graphmeet.issuer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.graphmeet.issuer.SigningKeyStore.StoredKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The built-in issuer's RSA signing keys over their store: the key that signs, the keys that verify, and
 * rotation. After a rotation the previous key keeps verifying for {@code retention} (the longest token
 * lifetime plus clock skew), so no token it signed is cut short. Every call reads the store, so a rotation on
 * one node takes effect on all of them at once.
 */
public final class SigningKeys {

    private static final int RSA_BITS = 2048;

    private final SigningKeyStore store;
    private final Clock clock;
    private final Duration retention;

    public SigningKeys(SigningKeyStore store, Clock clock, Duration retention) {
        this.store = store;
        this.clock = clock;
        this.retention = retention;
    }

    /** The key that signs new tokens, created on first use. */
    public RSAKey signingKey() {
        return store.keys().stream()
                .filter(StoredKey::signing)
                .findFirst()
                .or(() -> {
                    store.addFirst(generate());
                    return store.keys().stream().filter(StoredKey::signing).findFirst();
                })
                .map(SigningKeys::parse)
                .orElseThrow(() -> new IllegalStateException("no signing key after creating one"));
    }

    /** Makes a new key the one that signs; the previous ones verify until their tokens have expired. */
    public StoredKey rotate() {
        StoredKey key = generate();
        Instant now = clock.instant();
        store.rotate(key, now.plus(retention), now);
        return key;
    }

    /** Every stored key, newest first, with its retire time. */
    public List<StoredKey> all() {
        return store.keys();
    }

    /** The public keys that verify tokens now: the signing key and those not yet retired. */
    public JWKSet publicKeys() {
        Instant now = clock.instant();
        return new JWKSet(store.keys().stream()
                .filter(key -> key.signing() || key.retireAt().isAfter(now))
                .map(key -> (JWK) parse(key).toPublicJWK())
                .toList());
    }

    /** The keys a {@link io.graphmeet.auth.TrustedIssuer} checks built-in tokens against. */
    public JWKSource<SecurityContext> verificationKeys() {
        return (selector, context) -> selector.select(publicKeys());
    }

    private StoredKey generate() {
        try {
            RSAKey key = new RSAKeyGenerator(RSA_BITS)
                    .keyID(UUID.randomUUID().toString().replace("-", ""))
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
            return new StoredKey(key.getKeyID(), key.toJSONString(), clock.instant(), null);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
    }

    private static RSAKey parse(StoredKey key) {
        try {
            return RSAKey.parse(key.privateJwk());
        } catch (ParseException e) {
            throw new IllegalStateException("stored signing key " + key.kid() + " is not a valid RSA JWK", e);
        }
    }
}
