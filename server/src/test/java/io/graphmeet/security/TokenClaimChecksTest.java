package io.graphmeet.security;

import static io.graphmeet.testing.Contoso.MEGAN;
import static io.graphmeet.testing.Contoso.OTHER_TENANT;
import static io.graphmeet.testing.Contoso.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import io.graphmeet.auth.Caller;
import io.graphmeet.auth.TokenVerifier;
import io.graphmeet.auth.TrustedIssuer;
import io.graphmeet.config.ConfigException;
import io.graphmeet.config.ConfigLoader;
import io.graphmeet.errors.GraphException;
import io.graphmeet.testing.MutableClock;
import io.graphmeet.testing.TestIssuer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 8 findings 2 and 5: the claims of a validly signed token are held to what Entra itself issues. */
class TokenClaimChecksTest {

    private static final String FIXED_ISSUER = "https://sts.contoso.example/";
    private static final Duration MAX_LIFETIME = Duration.ofHours(24);

    @TempDir
    Path scratch;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-12T09:15:02Z"));
    private TestIssuer issuer;
    private TokenVerifier verifier;

    @BeforeEach
    void trustTheTestIssuerAsTemplateAndAsAFixedIssuerOfOneTenant() throws Exception {
        issuer = new TestIssuer(scratch, clock);
        var keys =
                new ImmutableJWKSet<>(JWKSet.load(scratch.resolve("jwks.json").toFile()));
        verifier = new TokenVerifier(
                List.of(
                        new TrustedIssuer("https://login.microsoftonline.com/{tenantid}/v2.0", keys),
                        new TrustedIssuer(FIXED_ISSUER, keys, Set.of(TENANT))),
                Set.of(TestIssuer.GRAPH_AUDIENCE),
                Duration.ofMinutes(1),
                MAX_LIFETIME,
                clock,
                1 << 20);
    }

    @Test
    void aScopeRepeatedInScpCountsOnce() {
        String token = issuer.delegated(TENANT, MEGAN, "OnlineMeetings.ReadWrite", "OnlineMeetings.ReadWrite");

        Caller caller = verifier.verify("Bearer " + token);

        assertThat(caller)
                .isInstanceOfSatisfying(
                        Caller.Delegated.class,
                        delegated -> assertThat(delegated.scopes()).containsExactly("OnlineMeetings.ReadWrite"));
    }

    @Test
    void aUserTokenWithRolesAndNoScpIsAUserWithoutScopesNotAnApplication() {
        String token = issuer.delegated(
                TENANT,
                MEGAN,
                claims -> claims.claim("scp", null).claim("roles", List.of("OnlineMeetings.ReadWrite.All")));

        Caller caller = verifier.verify("Bearer " + token);

        assertThat(caller)
                .isInstanceOfSatisfying(
                        Caller.Delegated.class,
                        delegated -> assertThat(delegated.scopes()).isEmpty());
    }

    @Test
    void aFixedIssuerSpeaksOnlyForTheTenantsConfiguredForIt() {
        String own = issuer.delegated(TENANT, MEGAN, claims -> claims.issuer(FIXED_ISSUER));
        String foreign = issuer.delegated(OTHER_TENANT, MEGAN, claims -> claims.issuer(FIXED_ISSUER));

        assertThat(verifier.verify("Bearer " + own).tenantId()).isEqualTo(TENANT);
        assertRefused(foreign, "Access token validation failure.");
    }

    @Test
    void aFixedIssuerWithoutTenantsIsAConfigurationError() {
        assertThatThrownBy(() -> ConfigLoader.load(
                        null,
                        Map.of(
                                "GRAPHMEET_AUTH_ISSUERS",
                                "[{issuer: '" + FIXED_ISSUER + "', jwksFile: '" + scratch.resolve("jwks.json")
                                        + "'}]")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("auth.issuers[0].tenants")
                .hasMessageContaining("{tenantid}");
    }

    @Test
    void aTokenValidForLongerThanTheMaximumLifetimeIsRefused() {
        Instant now = clock.instant();
        String year9999 = issuer.delegated(
                TENANT, MEGAN, claims -> claims.expirationTime(Date.from(Instant.parse("9999-12-31T00:00:00Z"))));
        String day =
                issuer.delegated(TENANT, MEGAN, claims -> claims.expirationTime(Date.from(now.plus(MAX_LIFETIME))));

        assertRefused(year9999, "lifetime exceeds");
        assertThat(verifier.verify("Bearer " + day)).isInstanceOf(Caller.Delegated.class);
    }

    @Test
    void tenantAndUserIdsMustBeGuids() {
        assertRefused(issuer.delegated("contoso", MEGAN, claims -> claims), "tid");
        assertRefused(issuer.delegated(TENANT, "megan", claims -> claims), "oid");
        assertRefused(issuer.delegated(TENANT, MEGAN, claims -> claims.claim("tid", null)), "tid");
    }

    @Test
    void idsInUpperCaseAreReadInLowerCase() {
        String token =
                issuer.delegated(TENANT.toUpperCase(Locale.ROOT), MEGAN.toUpperCase(Locale.ROOT), claims -> claims);

        Caller caller = verifier.verify("Bearer " + token);

        assertThat(caller.tenantId()).isEqualTo(TENANT);
        assertThat(((Caller.Delegated) caller).userId()).isEqualTo(MEGAN);
    }

    private void assertRefused(String token, String message) {
        assertThatThrownBy(() -> verifier.verify("Bearer " + token))
                .isInstanceOfSatisfying(
                        GraphException.class,
                        e -> assertThat(e.error().status()).isEqualTo(401))
                .hasMessageContaining(message);
    }
}
