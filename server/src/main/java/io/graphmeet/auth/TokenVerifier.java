package io.graphmeet.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import io.graphmeet.errors.GraphError;
import io.graphmeet.errors.GraphException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a bearer token into a {@link Caller}: signature against the issuer's keys (asymmetric algorithms
 * only), issuer, tenant, audience and lifetime. Verified tokens are cached until they expire, so a client
 * reusing its token pays for the signature check once.
 */
public final class TokenVerifier {

    /** Personal Microsoft accounts sign in through this tenant; Graph refuses them for onlineMeetings. */
    public static final String PERSONAL_ACCOUNTS_TENANT = "9188040d-6c67-4c5b-b112-36a304b66dad";

    private static final int MAX_CLAIMED_TOKEN_LENGTH = 16 * 1024;
    private static final Set<JWSAlgorithm> ALLOWED_ALGORITHMS = Set.of(
            JWSAlgorithm.RS256,
            JWSAlgorithm.RS384,
            JWSAlgorithm.RS512,
            JWSAlgorithm.PS256,
            JWSAlgorithm.PS384,
            JWSAlgorithm.PS512,
            JWSAlgorithm.ES256,
            JWSAlgorithm.ES384,
            JWSAlgorithm.ES512);
    private static final String INVALID = "Access token validation failure.";

    /** What a cache entry costs besides its token's characters: the caller, its scopes and Caffeine's node. */
    private static final int ENTRY_OVERHEAD_BYTES = 512;

    private final List<TrustedIssuer> issuers;
    private final Set<String> audiences;
    private final Duration clockSkew;
    private final Duration maxLifetime;
    private final Clock clock;
    private final DefaultJWSVerifierFactory verifiers = new DefaultJWSVerifierFactory();
    private final Cache<String, Verified> verified;
    private final GraphAudienceGuard graphTokens;

    /**
     * @param maxLifetime the longest a token may still be valid for when it arrives; Entra issues none longer
     * @param cacheBytes about how much memory verified tokens may take
     */
    public TokenVerifier(
            List<TrustedIssuer> issuers,
            Set<String> audiences,
            Duration clockSkew,
            Duration maxLifetime,
            Clock clock,
            long cacheBytes) {
        this.issuers = List.copyOf(issuers);
        this.audiences = Set.copyOf(audiences);
        this.clockSkew = clockSkew;
        this.maxLifetime = maxLifetime;
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumWeight(cacheBytes)
                .weigher((String token, Verified entry) -> 2 * token.length() + ENTRY_OVERHEAD_BYTES)
                .build();
        this.graphTokens = new GraphAudienceGuard(
                this.audiences,
                this.issuers.stream().map(TrustedIssuer::template).toList());
    }

    /** The caller behind an {@code Authorization} header value; a 401 Graph error if there is none. */
    public Caller verify(String authorizationHeader) {
        String token = bearerToken(authorizationHeader);
        Instant now = clock.instant();
        Verified hit = verified.getIfPresent(token);
        if (hit != null && now.isBefore(hit.expiresAt().plus(clockSkew))) {
            return hit.caller();
        }
        Verified fresh = verifyUncached(token, now);
        verified.put(token, fresh);
        return fresh.caller();
    }

    private Verified verifyUncached(String token, Instant now) {
        JWT jwt;
        try {
            jwt = JWTParser.parse(token);
        } catch (ParseException e) {
            throw GraphError.INVALID_AUTHENTICATION_TOKEN.with("CompactToken parsing failed with error code: 80049217");
        }
        if (!(jwt instanceof SignedJWT signed)
                || !ALLOWED_ALGORITHMS.contains(signed.getHeader().getAlgorithm())) {
            throw invalid(INVALID);
        }
        JWTClaimsSet claims = claimsOf(signed);
        graphTokens.refuseGraphOnlyTokens(signed, claims);
        String tenantId = tenantOf(claims);
        TrustedIssuer issuer = issuers.stream()
                .filter(candidate -> candidate.issued(claims.getIssuer(), tenantId))
                .findFirst()
                .orElseThrow(() -> invalid(INVALID));
        if (!signatureValid(signed, issuer, new TokenIssuerContext(claims.getIssuer(), tenantId))) {
            throw invalid(INVALID);
        }
        if (claims.getAudience().stream().noneMatch(audiences::contains)) {
            throw invalid("Access token validation failure. Invalid audience.");
        }
        Instant expiresAt = expiryOf(claims, now);
        Instant notBefore = instant(claims.getNotBeforeTime());
        if (notBefore != null && now.plus(clockSkew).isBefore(notBefore)) {
            throw invalid("Lifetime validation failed, the token is not yet valid.");
        }
        if (PERSONAL_ACCOUNTS_TENANT.equalsIgnoreCase(tenantId)) {
            throw GraphError.AUTHENTICATION_ERROR.with("Error authenticating with resource");
        }
        return new Verified(callerOf(claims, tenantId), expiresAt);
    }

    private boolean signatureValid(SignedJWT signed, TrustedIssuer issuer, TokenIssuerContext claimedIssuer) {
        JWSHeader header = signed.getHeader();
        List<JWK> candidates;
        try {
            candidates = issuer.keys().get(new JWKSelector(JWKMatcher.forJWSHeader(header)), claimedIssuer);
        } catch (KeySourceException e) {
            throw GraphError.INVALID_AUTHENTICATION_TOKEN.with(INVALID + " The issuer's signing keys are unavailable.");
        }
        for (JWK key : candidates) {
            if (!(key instanceof AsymmetricJWK asymmetric)) {
                continue;
            }
            try {
                JWSVerifier verifier = verifiers.createJWSVerifier(header, asymmetric.toPublicKey());
                if (signed.verify(verifier)) {
                    return true;
                }
            } catch (JOSEException e) {
                // a key of the wrong type or size for this header: try the next
            }
        }
        return false;
    }

    /** The {@code tid} in lower case; a token without one, or whose tid is no GUID, is refused. */
    private static String tenantOf(JWTClaimsSet claims) {
        String tenantId = Guids.normalised(stringClaim(claims, "tid"));
        if (tenantId == null) {
            throw invalid(INVALID + " The token's tid claim is missing or not a GUID.");
        }
        return tenantId;
    }

    /** {@code exp}, which must lie ahead, but no further than the longest lifetime allowed. */
    private Instant expiryOf(JWTClaimsSet claims, Instant now) {
        Instant expiresAt = instant(claims.getExpirationTime());
        if (expiresAt == null || !now.isBefore(expiresAt.plus(clockSkew))) {
            throw invalid("Lifetime validation failed, the token is expired.");
        }
        if (expiresAt.isAfter(now.plus(maxLifetime).plus(clockSkew))) {
            throw invalid("Lifetime validation failed, the token's lifetime exceeds " + maxLifetime + ".");
        }
        return expiresAt;
    }

    /**
     * A user's token when it carries {@code scp} or says {@code idtyp: user} (whatever roles it also carries);
     * otherwise an app's. A user is named by an {@code oid} that must be a GUID.
     */
    private static Caller callerOf(JWTClaimsSet claims, String tenantId) {
        String appId = stringClaim(claims, "appid");
        if (appId == null) {
            appId = stringClaim(claims, "azp");
        }
        appId = appId == null ? null : appId.toLowerCase(Locale.ROOT);
        String scp = stringClaim(claims, "scp");
        boolean hasScopes = scp != null && !scp.isBlank();
        if (hasScopes || "user".equals(stringClaim(claims, "idtyp"))) {
            String userId = Guids.normalised(stringClaim(claims, "oid"));
            if (userId == null) {
                throw invalid(INVALID + " A delegated token needs an oid claim that is a GUID.");
            }
            return new Caller.Delegated(tenantId, userId, appId, scopes(hasScopes ? scp : ""));
        }
        return new Caller.Application(tenantId, appId, roles(claims));
    }

    /** The space-separated scopes of {@code scp}; repeats count once. */
    private static Set<String> scopes(String scp) {
        return scp.isBlank() ? Set.of() : Set.copyOf(Arrays.asList(scp.trim().split("\\s+")));
    }

    private static Set<String> roles(JWTClaimsSet claims) {
        Object roles = claims.getClaim("roles");
        Set<String> result = new HashSet<>();
        if (roles instanceof List<?> list) {
            list.stream()
                    .filter(String.class::isInstance)
                    .map(String.class::cast)
                    .forEach(result::add);
        }
        return result;
    }

    private static JWTClaimsSet claimsOf(SignedJWT signed) {
        try {
            return signed.getJWTClaimsSet();
        } catch (ParseException e) {
            throw GraphError.INVALID_AUTHENTICATION_TOKEN.with("CompactToken parsing failed with error code: 80049217");
        }
    }

    private static String stringClaim(JWTClaimsSet claims, String name) {
        return claims.getClaim(name) instanceof String value ? value : null;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    /**
     * The tenant (a lower-case GUID) the bearer token in {@code authorizationHeader} claims in {@code tid}, read
     * without verifying anything; null when there is no such token. Only to file a refused request under the tenant
     * it came from, never to decide anything.
     */
    public static String claimedTenant(String authorizationHeader) {
        if (authorizationHeader == null || authorizationHeader.length() > MAX_CLAIMED_TOKEN_LENGTH) {
            return null;
        }
        try {
            return Guids.normalised(stringClaim(
                    JWTParser.parse(bearerToken(authorizationHeader)).getJWTClaimsSet(), "tid"));
        } catch (ParseException | RuntimeException notAToken) {
            return null;
        }
    }

    private static String bearerToken(String header) {
        if (header == null || header.isBlank()) {
            throw invalid("Access token is empty.");
        }
        String trimmed = header.trim();
        if (trimmed.regionMatches(true, 0, "Bearer", 0, 6) && (trimmed.length() == 6 || trimmed.charAt(6) == ' ')) {
            String token = trimmed.substring(6).trim();
            if (token.isEmpty()) {
                throw invalid("Access token is empty.");
            }
            return token;
        }
        throw GraphError.INVALID_AUTHENTICATION_TOKEN.with("CompactToken parsing failed with error code: 80049217");
    }

    private static GraphException invalid(String message) {
        return GraphError.INVALID_AUTHENTICATION_TOKEN.with(message);
    }

    private record Verified(Caller caller, Instant expiresAt) {}
}
