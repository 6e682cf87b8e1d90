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
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a bearer token into a {@link Caller}: signature against the issuer's keys (asymmetric algorithms
 * only), issuer, tenant, audience and lifetime. Verified tokens are cached until they expire, so a client
 * reusing its token pays for the signature check once.
 */
public final class TokenVerifier {

    /** Personal Microsoft accounts sign in through this tenant; Graph refuses them for onlineMeetings. */
    public static final String PERSONAL_ACCOUNTS_TENANT = "9188040d-6c67-4c5b-b112-36a304b66dad";

    private static final Set<JWSAlgorithm> ALLOWED_ALGORITHMS = Set.of(
            JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512,
            JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512);
    private static final String INVALID = "Access token validation failure.";

    private final List<TrustedIssuer> issuers;
    private final Set<String> audiences;
    private final Duration clockSkew;
    private final Clock clock;
    private final DefaultJWSVerifierFactory verifiers = new DefaultJWSVerifierFactory();
    private final Cache<String, Verified> verified;
    private final GraphAudienceGuard graphTokens;

    public TokenVerifier(List<TrustedIssuer> issuers, Set<String> audiences, Duration clockSkew, Clock clock,
            int cacheSize) {
        this.issuers = List.copyOf(issuers);
        this.audiences = Set.copyOf(audiences);
        this.clockSkew = clockSkew;
        this.clock = clock;
        this.verified = Caffeine.newBuilder().maximumSize(cacheSize).build();
        this.graphTokens = new GraphAudienceGuard(this.audiences,
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
        String tenantId = stringClaim(claims, "tid");
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
        Instant expiresAt = instant(claims.getExpirationTime());
        if (expiresAt == null || !now.isBefore(expiresAt.plus(clockSkew))) {
            throw invalid("Lifetime validation failed, the token is expired.");
        }
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

    private static Caller callerOf(JWTClaimsSet claims, String tenantId) {
        if (tenantId == null) {
            throw invalid(INVALID + " The token has no tid claim.");
        }
        String appId = stringClaim(claims, "appid");
        if (appId == null) {
            appId = stringClaim(claims, "azp");
        }
        String scp = stringClaim(claims, "scp");
        if (scp != null && !scp.isBlank()) {
            String userId = stringClaim(claims, "oid");
            if (userId == null) {
                throw invalid(INVALID + " A delegated token needs an oid claim.");
            }
            return new Caller.Delegated(tenantId, userId, appId, Set.of(scp.trim().split("\\s+")));
        }
        return new Caller.Application(tenantId, appId, roles(claims));
    }

    private static Set<String> roles(JWTClaimsSet claims) {
        Object roles = claims.getClaim("roles");
        Set<String> result = new HashSet<>();
        if (roles instanceof List<?> list) {
            list.stream().filter(String.class::isInstance).map(String.class::cast).forEach(result::add);
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
