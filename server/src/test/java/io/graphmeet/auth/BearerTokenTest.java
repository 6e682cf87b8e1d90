package io.graphmeet.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.graphmeet.errors.GraphException;
import io.graphmeet.testing.MutableClock;
import io.graphmeet.testing.TestIssuer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a bearer token becomes a caller — or which error says why not — with real signed tokens. */
class BearerTokenTest {

    static final String TENANT = "5f1c6d2e-8a4b-4c3d-9e0f-1a2b3c4d5e6f";
    static final String USER = "0b7e4c2a-3d5f-4e6a-8b9c-0d1e2f3a4b5c";
    static final String APP = "3e5f7a9b-2c4d-4e6f-8a0b-1c2d3e4f5a6b";
    static final String FIXED_ISSUER = "https://sts.example/fixed/";
    static final String INVALID = "Access token validation failure.";
    static final String UNPARSEABLE = "CompactToken parsing failed with error code: 80049217";

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-12T09:15:02Z"));
    final AtomicInteger keyLookups = new AtomicInteger();
    TestIssuer issuer;
    TokenVerifier verifier;

    @BeforeEach
    void trustATestIssuer(@TempDir Path scratch) throws Exception {
        issuer = new TestIssuer(scratch, clock);
        JWKSource<SecurityContext> file =
                new ImmutableJWKSet<>(JWKSet.load(scratch.resolve("jwks.json").toFile()));
        JWKSource<SecurityContext> counted = (selector, context) -> {
            keyLookups.incrementAndGet();
            return file.get(selector, context);
        };
        verifier = new TokenVerifier(
                List.of(
                        new TrustedIssuer(TestIssuer.issuerFor("{tenantid}"), counted),
                        new TrustedIssuer(FIXED_ISSUER, counted, Set.of(TENANT))),
                Set.of(TestIssuer.GRAPH_AUDIENCE, "00000003-0000-0000-c000-000000000000"),
                Duration.ofMinutes(1),
                Duration.ofHours(24),
                clock,
                1 << 20);
    }

    // ---- the header

    @Test
    void aMissingOrEmptyBearerTokenIsEmpty() {
        for (String header : new String[] {null, "", "   ", "Bearer", "Bearer    ", "  bearer  "}) {
            assertInvalidToken(header, "Access token is empty.");
        }
    }

    @Test
    void anotherSchemeOrNoSchemeFailsCompactParsing() {
        String token = issuer.delegated(TENANT, USER, "OnlineMeetings.ReadWrite");
        assertInvalidToken("Basic " + token, UNPARSEABLE);
        assertInvalidToken(token, UNPARSEABLE);
        assertInvalidToken("Bearer" + token, UNPARSEABLE);
        assertInvalidToken("Bearer not-a-jwt", UNPARSEABLE);
    }

    @Test
    void theSchemeIsCaseInsensitiveAndSpacesAroundAreIgnored() {
        String token = issuer.delegated(TENANT, USER, "OnlineMeetings.ReadWrite");

        assertThat(verifier.verify("  bEaReR   " + token + "  ")).isInstanceOf(Caller.Delegated.class);
    }

    // ---- signature and issuer

    @Test
    void unsignedSymmetricAndStrangerSignedTokensAreInvalid() {
        assertInvalidToken("Bearer " + issuer.unsigned(TENANT, USER), INVALID);
        assertInvalidToken("Bearer " + issuer.symmetric(TENANT, USER), INVALID);
        assertInvalidToken("Bearer " + issuer.signedByStranger(TENANT, USER), INVALID);
    }

    @Test
    void theIssuerMustBeTrustedAndNameTheTokensTenant() {
        assertInvalidToken(
                bearer(issuer.delegated(TENANT, USER, c -> c.issuer("https://evil.example/" + TENANT))), INVALID);
        assertInvalidToken(
                bearer(issuer.delegated(
                        TENANT, USER, c -> c.issuer(TestIssuer.issuerFor("7a2b3c4d-1111-4222-8333-944455566677")))),
                INVALID);
        assertInvalidToken(bearer(issuer.delegated(TENANT, USER, c -> c.issuer(null))), INVALID);
        assertInvalidToken(
                bearer(issuer.delegated(TENANT, USER, c -> c.claim("tid", null))),
                INVALID + " The token's tid claim is missing or not a GUID.");
        assertInvalidToken(bearer(issuer.delegated(TENANT, USER, c -> c.issuer(FIXED_ISSUER + "x"))), INVALID);
        assertThat(verifier.verify(bearer(issuer.delegated(TENANT, USER, c -> c.issuer(FIXED_ISSUER))))
                        .tenantId())
                .isEqualTo(TENANT);
    }

    @Test
    void aTokenOfAnIssuerWithoutTenantPlaceholderStillNeedsATid() {
        String token =
                issuer.delegated(TENANT, USER, c -> c.issuer(FIXED_ISSUER).claim("tid", null));

        assertInvalidToken(bearer(token), INVALID + " The token's tid claim is missing or not a GUID.");
    }

    @Test
    void unavailableSigningKeysAreSaidSo() {
        TokenVerifier broken = new TokenVerifier(
                List.of(new TrustedIssuer(TestIssuer.issuerFor("{tenantid}"), (selector, context) -> {
                    throw new KeySourceException("JWKS endpoint down");
                })),
                Set.of(TestIssuer.GRAPH_AUDIENCE),
                Duration.ofMinutes(1),
                Duration.ofHours(24),
                clock,
                1 << 20);

        assertThatThrownBy(() -> broken.verify(bearer(issuer.delegated(TENANT, USER, "OnlineMeetings.ReadWrite"))))
                .isInstanceOfSatisfying(GraphException.class, e -> {
                    assertThat(e.error().code()).isEqualTo("InvalidAuthenticationToken");
                    assertThat(e.getMessage()).isEqualTo(INVALID + " The issuer's signing keys are unavailable.");
                });
    }

    @Test
    void bothGraphAudiencesAreAcceptedAndNoOther() {
        assertThat(verifier.verify(bearer(
                        issuer.delegated(TENANT, USER, c -> c.audience("00000003-0000-0000-c000-000000000000")))))
                .isInstanceOf(Caller.Delegated.class);
        assertThat(verifier.verify(bearer(issuer.delegated(
                        TENANT, USER, c -> c.audience(List.of("api://other", TestIssuer.GRAPH_AUDIENCE))))))
                .isInstanceOf(Caller.Delegated.class);
        assertInvalidToken(
                bearer(issuer.delegated(TENANT, USER, c -> c.audience("api://other"))), INVALID + " Invalid audience.");
        assertInvalidToken(
                bearer(issuer.delegated(TENANT, USER, c -> c.audience((String) null))), INVALID + " Invalid audience.");
    }

    @Test
    void personalMicrosoftAccountsAreRefused() {
        String personal = TokenVerifier.PERSONAL_ACCOUNTS_TENANT.toUpperCase(Locale.ROOT);
        assertThatThrownBy(() -> verifier.verify(bearer(issuer.delegated(personal, USER, "OnlineMeetings.ReadWrite"))))
                .isInstanceOfSatisfying(GraphException.class, e -> {
                    assertThat(e.error().code()).isEqualTo("AuthenticationError");
                    assertThat(e.getMessage()).isEqualTo("Error authenticating with resource");
                });
    }

    // ---- the caller

    @Test
    void aTokenWithScopesIsADelegatedCallerWithEachScope() {
        Caller caller = verifier.verify(bearer(issuer.delegated(
                TENANT,
                USER,
                c -> c.claim("scp", "  User.Read   OnlineMeetings.ReadWrite ").claim("azp", "azp-app"))));

        assertThat(caller)
                .isEqualTo(
                        new Caller.Delegated(TENANT, USER, "azp-app", Set.of("User.Read", "OnlineMeetings.ReadWrite")));
    }

    @Test
    void appidWinsOverAzp() {
        Caller caller = verifier.verify(bearer(issuer.delegated(TENANT, USER, c -> c.claim("appid", "v1-app"))));

        assertThat(caller.appId()).isEqualTo("v1-app");
    }

    @Test
    void aDelegatedTokenNeedsAnOid() {
        assertInvalidToken(
                bearer(issuer.delegated(TENANT, USER, c -> c.claim("oid", null))),
                INVALID + " A delegated token needs an oid claim that is a GUID.");
        assertInvalidToken(
                bearer(issuer.delegated(TENANT, USER, c -> c.claim("oid", 42))),
                INVALID + " A delegated token needs an oid claim that is a GUID.");
    }

    @Test
    void aTokenWithoutScopesIsAnApplicationCallerWithItsStringRoles() {
        assertThat(verifier.verify(
                        bearer(issuer.application(TENANT, APP, "OnlineMeetings.ReadWrite.All", "Other.Role"))))
                .isEqualTo(new Caller.Application(TENANT, APP, Set.of("OnlineMeetings.ReadWrite.All", "Other.Role")));
        assertThat(verifier.verify(bearer(issuer.delegated(
                        TENANT,
                        USER,
                        c -> c.claim("scp", "   ").claim("idtyp", null).claim("roles", List.of("A", 7, "B"))))))
                .isEqualTo(new Caller.Application(TENANT, "0e8d6c74-5b7a-4f23-9c1d-2a3b4c5d6e7f", Set.of("A", "B")));
        assertThat(verifier.verify(bearer(issuer.delegated(
                        TENANT,
                        USER,
                        c -> c.claim("scp", null)
                                .claim("idtyp", null)
                                .claim("azp", null)
                                .claim("roles", "NotAList")))))
                .isEqualTo(new Caller.Application(TENANT, null, Set.of()));
    }

    // ---- the cache

    @Test
    void aVerifiedTokenIsRememberedUntilItExpires() {
        String token = bearer(issuer.delegated(TENANT, USER, "OnlineMeetings.ReadWrite"));

        Caller first = verifier.verify(token);
        clock.advance(Duration.ofMinutes(30));
        Caller second = verifier.verify(token);

        assertThat(second).isEqualTo(first);
        assertThat(keyLookups).hasValue(1);
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    private void assertInvalidToken(String header, String message) {
        assertThatThrownBy(() -> verifier.verify(header)).as(header).isInstanceOfSatisfying(GraphException.class, e -> {
            assertThat(e.error().code()).isEqualTo("InvalidAuthenticationToken");
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }
}
