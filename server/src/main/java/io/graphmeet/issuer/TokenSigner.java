package io.graphmeet.issuer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;

/** Signs claims into RS256 JWTs with the current signing key, stamping issuer, tenant and lifetime. */
final class TokenSigner {

    private final SigningKeys keys;
    private final IssuerSettings settings;
    private final Clock clock;

    TokenSigner(SigningKeys keys, IssuerSettings settings, Clock clock) {
        this.keys = keys;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Claims every token of {@code tenantId} carries: iss (under {@code baseUrl}), tid, aud, iat, nbf, exp, uti,
     * ver.
     */
    JWTClaimsSet.Builder claims(String baseUrl, String tenantId, String audience) {
        Instant now = clock.instant();
        return new JWTClaimsSet.Builder()
                .audience(audience)
                .issuer(IssuerSettings.issuer(baseUrl, tenantId))
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(settings.tokenLifetime())))
                .claim("tid", tenantId)
                .claim("uti", tokenId())
                .claim("ver", "2.0");
    }

    /** Entra's {@code uti}: 16 random bytes, base64url. */
    private static String tokenId() {
        UUID random = UUID.randomUUID();
        byte[] bytes = ByteBuffer.allocate(16)
                .putLong(random.getMostSignificantBits())
                .putLong(random.getLeastSignificantBits())
                .array();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    String sign(JWTClaimsSet claims) {
        RSAKey key = keys.signingKey();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .type(JOSEObjectType.JWT)
                        .keyID(key.getKeyID())
                        .build(),
                claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign with key " + key.getKeyID(), e);
        }
        return jwt.serialize();
    }

    /** Seconds a fresh token lives, one less than its lifetime as Entra counts (3599 for an hour). */
    long expiresIn() {
        return Math.max(0, settings.tokenLifetime().toSeconds() - 1);
    }
}
