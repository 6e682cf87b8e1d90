package io.graphmeet.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * An Entra-like issuer for tests: a real RSA key, its JWKS written to a file, and real signed tokens with
 * Entra's claim shapes.
 */
public final class TestIssuer {

    public static final String GRAPH_AUDIENCE = "https://graph.microsoft.com";

    private final RSAKey key;
    private final RSAKey strangerKey;
    private final Path jwksFile;
    private final Clock clock;

    public TestIssuer(Path directory, Clock clock) {
        this.clock = clock;
        try {
            this.key = new RSAKeyGenerator(2048).keyID("test-key-1").generate();
            this.strangerKey = new RSAKeyGenerator(2048).keyID("test-key-1").generate();
            this.jwksFile = directory.resolve("jwks.json");
            Files.writeString(jwksFile, new JWKSet(key.toPublicJWK()).toString());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String issuerFor(String tenantId) {
        return "https://login.microsoftonline.com/" + tenantId + "/v2.0";
    }

    /** The {@code GRAPHMEET_AUTH_ISSUERS} value that trusts this issuer. */
    public String issuersSetting() {
        return "[{issuer: 'https://login.microsoftonline.com/{tenantid}/v2.0', jwksFile: '" + jwksFile + "'}]";
    }

    /** A delegated token for {@code userId} with the given scopes. */
    public String delegated(String tenantId, String userId, String... scopes) {
        return sign(delegatedClaims(tenantId, userId, scopes).build());
    }

    /** An application token for {@code appId} with the given roles. */
    public String application(String tenantId, String appId, String... roles) {
        return sign(applicationClaims(tenantId, appId, roles).build());
    }

    /** A delegated token whose claims the test may change before signing. */
    public String delegated(String tenantId, String userId, UnaryOperator<JWTClaimsSet.Builder> change) {
        return sign(change.apply(delegatedClaims(tenantId, userId, "OnlineMeetings.ReadWrite"))
                .build());
    }

    /** A well-formed token signed by a key the server does not trust, with the trusted key's id. */
    public String signedByStranger(String tenantId, String userId) {
        return sign(
                delegatedClaims(tenantId, userId, "OnlineMeetings.ReadWrite").build(), strangerKey);
    }

    /** An unsigned ({@code alg: none}) token. */
    public String unsigned(String tenantId, String userId) {
        return new PlainJWT(delegatedClaims(tenantId, userId, "OnlineMeetings.ReadWrite")
                        .build())
                .serialize();
    }

    /** A token signed with HS256, using the public modulus as the secret (the classic confusion attack). */
    public String symmetric(String tenantId, String userId) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.HS256)
                            .keyID(key.getKeyID())
                            .build(),
                    delegatedClaims(tenantId, userId, "OnlineMeetings.ReadWrite")
                            .build());
            jwt.sign(new MACSigner(key.getModulus().decode()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private JWTClaimsSet.Builder delegatedClaims(String tenantId, String userId, String... scopes) {
        return common(tenantId)
                .claim("oid", userId)
                .subject(userId)
                .claim("idtyp", "user")
                .claim("scp", String.join(" ", scopes))
                .claim("azp", "0e8d6c74-5b7a-4f23-9c1d-2a3b4c5d6e7f");
    }

    private JWTClaimsSet.Builder applicationClaims(String tenantId, String appId, String... roles) {
        return common(tenantId)
                .claim("oid", UUID.randomUUID().toString())
                .claim("idtyp", "app")
                .claim("appid", appId)
                .claim("roles", List.of(roles));
    }

    private JWTClaimsSet.Builder common(String tenantId) {
        Instant now = clock.instant();
        return new JWTClaimsSet.Builder()
                .issuer(issuerFor(tenantId))
                .audience(GRAPH_AUDIENCE)
                .claim("tid", tenantId)
                .claim("ver", "2.0")
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .jwtID(UUID.randomUUID().toString());
    }

    private String sign(JWTClaimsSet claims) {
        return sign(claims, key);
    }

    private static String sign(JWTClaimsSet claims, RSAKey with) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(with.getKeyID())
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(with));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
