package io.graphmeet.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import io.graphmeet.errors.GraphException;
import io.graphmeet.testing.MutableClock;
import io.graphmeet.testing.TestIssuer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A token's lifetime at the edges of the 60-second clock skew, with real signed tokens (whose times have whole
 * seconds). Each planted bug named
 * below was put into {@link TokenVerifier} by hand and made the test named fail (then reverted).
 */
class TokenLifetimeTest {

    static final Duration SKEW = Duration.ofSeconds(60);
    static final String TENANT = "5f1c6d2e-8a4b-4c3d-9e0f-1a2b3c4d5e6f";
    static final String USER = "0b7e4c2a-3d5f-4e6a-8b9c-0d1e2f3a4b5c";

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-12T09:15:02Z"));
    TestIssuer issuer;
    TokenVerifier verifier;

    @BeforeEach
    void trustATestIssuer(@TempDir Path scratch) throws Exception {
        issuer = new TestIssuer(scratch, clock);
        var keys =
                new ImmutableJWKSet<>(JWKSet.load(scratch.resolve("jwks.json").toFile()));
        verifier = new TokenVerifier(
                List.of(new TrustedIssuer(TestIssuer.issuerFor("{tenantid}"), keys)),
                Set.of(TestIssuer.GRAPH_AUDIENCE),
                SKEW,
                Duration.ofHours(24),
                clock,
                1 << 20);
    }

    @Test
    void aTokenThirtySecondsPastExpiryIsAcceptedWithinTheSkew() {
        assertThat(verify(expiringIn(Duration.ofSeconds(-30)))).isInstanceOf(Caller.Delegated.class);
    }

    /** Planted bug: the skew applied twice in the exp check ({@code exp + 2 × skew}) accepts this token. */
    @Test
    void aTokenNinetySecondsPastExpiryIsRefusedDespiteTheSkew() {
        assertRefused(expiringIn(Duration.ofSeconds(-90)), "Lifetime validation failed, the token is expired.");
    }

    @Test
    void aTokenExactlyOneSkewPastExpiryIsRefused() {
        assertRefused(expiringIn(SKEW.negated()), "Lifetime validation failed, the token is expired.");
        assertThat(verify(expiringIn(SKEW.negated().plusSeconds(1)))).isInstanceOf(Caller.Delegated.class);
    }

    @Test
    void aTokenWithoutExpiryIsRefused() {
        assertRefused(
                token(claims -> claims.expirationTime(null)), "Lifetime validation failed, the token is expired.");
    }

    /** Planted bug: the nbf check removed entirely accepts this token. */
    @Test
    void aTokenNotYetValidBeyondTheSkewIsRefused() {
        assertRefused(validFrom(Duration.ofSeconds(90)), "Lifetime validation failed, the token is not yet valid.");
        assertRefused(validFrom(SKEW.plusSeconds(1)), "Lifetime validation failed, the token is not yet valid.");
    }

    @Test
    void aTokenNotYetValidWithinTheSkewIsAccepted() {
        assertThat(verify(validFrom(Duration.ofSeconds(30)))).isInstanceOf(Caller.Delegated.class);
        assertThat(verify(validFrom(SKEW))).isInstanceOf(Caller.Delegated.class);
    }

    /** Planted bug: the skew applied twice in the cache's expiry check keeps serving this token. */
    @Test
    void aCachedTokenIsRefusedOnceItIsPastExpiryBeyondTheSkew() {
        String token = expiringIn(Duration.ofMinutes(5));
        assertThat(verify(token)).isInstanceOf(Caller.Delegated.class);

        clock.advance(Duration.ofMinutes(5).plusSeconds(30));
        assertThat(verify(token)).as("cached, 30 s past expiry").isInstanceOf(Caller.Delegated.class);
        clock.advance(Duration.ofSeconds(60));
        assertRefused(token, "Lifetime validation failed, the token is expired.");
    }

    @Test
    void aCachedTokenIsRefusedExactlyOneSkewPastExpiry() {
        String token = expiringIn(Duration.ofMinutes(5));
        verify(token);

        clock.advance(Duration.ofMinutes(5).plus(SKEW));
        assertRefused(token, "Lifetime validation failed, the token is expired.");
    }

    private String expiringIn(Duration fromNow) {
        Instant exp = clock.instant().plus(fromNow);
        return token(claims -> claims.expirationTime(Date.from(exp)).notBeforeTime(null));
    }

    private String validFrom(Duration fromNow) {
        Instant nbf = clock.instant().plus(fromNow);
        return token(claims -> claims.notBeforeTime(Date.from(nbf)));
    }

    private String token(UnaryOperator<JWTClaimsSet.Builder> change) {
        return issuer.delegated(TENANT, USER, change);
    }

    private Caller verify(String token) {
        return verifier.verify("Bearer " + token);
    }

    private void assertRefused(String token, String message) {
        assertThatThrownBy(() -> verify(token)).isInstanceOfSatisfying(GraphException.class, e -> {
            assertThat(e.error().code()).isEqualTo("InvalidAuthenticationToken");
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }
}
