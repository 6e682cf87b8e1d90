package io.graphmeet.entra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graphmeet.auth.Caller;
import io.graphmeet.auth.TokenVerifier;
import io.graphmeet.auth.TrustedIssuer;
import io.graphmeet.errors.GraphException;
import io.graphmeet.testing.Contoso;
import io.graphmeet.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Keys fetched from an issuer's {@code jwksUri}, against a local keys endpoint that rotates and goes down: cached,
 * refreshed for an unknown {@code kid} at a limited rate, kept through an outage, and used only for the issuer the
 * keys document names. Time moves by the clock.
 */
class JwksFromUriTest {

    private static final String TENANT = Contoso.TENANT;
    private static final String BOT = Contoso.BOT_APP;
    private static final String ROLE = Contoso.WRITE_ALL;
    private static final String PERSONAL_ACCOUNTS = "9188040d-6c67-4c5b-b112-36a304b66dad";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T08:00:00Z"));
    private final EntraKeysServer endpoint = new EntraKeysServer();
    private final EntraSigningKey current = EntraSigningKey.generate();
    private final TokenVerifier verifier = new TokenVerifier(
            List.of(TrustedIssuer.withJwksUri(
                    EntraTokens.v2Issuer(TENANT),
                    endpoint.authority() + "/" + TENANT + "/discovery/v2.0/keys",
                    Set.of(TENANT),
                    clock)),
            Set.of(EntraTokens.GRAPHMEET_APP_ID),
            Duration.ofMinutes(1),
            Duration.ofHours(24),
            clock,
            1 << 20);

    @AfterEach
    void stopEndpoint() {
        endpoint.close();
    }

    @Test
    void fetchesTheKeysOnceAndReusesThemForEveryToken() {
        endpoint.publish(current);

        for (int i = 0; i < 5; i++) {
            assertThat(verifier.verify(bearer(tokenSignedBy(current)))).isInstanceOf(Caller.Application.class);
        }

        assertThat(endpoint.fetches()).isEqualTo(1);
    }

    @Test
    void fetchesAgainWhenATokenNamesAKeyIdItHasNotSeen() {
        endpoint.publish(current);
        verifier.verify(bearer(tokenSignedBy(current)));
        EntraSigningKey next = EntraSigningKey.generate();
        endpoint.publish(current, next);

        Caller caller = verifier.verify(bearer(tokenSignedBy(next)));

        assertThat(caller.appId()).isEqualTo(BOT);
        assertThat(endpoint.fetches()).isEqualTo(2);
        verifier.verify(bearer(tokenSignedBy(current)));
        assertThat(endpoint.fetches()).as("both keys are now cached").isEqualTo(2);
    }

    @Test
    void refreshesForUnknownKeyIdsAreRateLimited() {
        endpoint.publish(current);
        verifier.verify(bearer(tokenSignedBy(current)));
        EntraSigningKey stranger = EntraSigningKey.generate();

        for (int i = 0; i < 20; i++) {
            assertThatThrownBy(() -> verifier.verify(bearer(tokenSignedBy(stranger))))
                    .isInstanceOf(GraphException.class)
                    .hasMessage("Access token validation failure.");
        }
        assertThat(endpoint.fetches())
                .as("the first fetch and one refresh in the interval")
                .isEqualTo(2);

        clock.advance(Duration.ofSeconds(31));
        endpoint.publish(current, stranger);
        assertThat(verifier.verify(bearer(tokenSignedBy(stranger))).appId()).isEqualTo(BOT);
        assertThat(endpoint.fetches()).isEqualTo(3);
    }

    @Test
    void cachedKeysKeepVerifyingWhileTheEndpointIsDown() {
        endpoint.publish(current);
        verifier.verify(bearer(tokenSignedBy(current)));
        endpoint.goDown();

        clock.advance(Duration.ofMinutes(61));
        assertThat(verifier.verify(bearer(tokenSignedBy(current))).appId())
                .as("past the cache's lifetime")
                .isEqualTo(BOT);
        clock.advance(Duration.ofHours(10));
        assertThat(verifier.verify(bearer(tokenSignedBy(current))).appId())
                .as("eleven hours in")
                .isEqualTo(BOT);

        clock.advance(Duration.ofHours(2));
        assertThatThrownBy(() -> verifier.verify(bearer(tokenSignedBy(current))))
                .as("past the outage tolerance the keys are unavailable")
                .isInstanceOf(GraphException.class)
                .hasMessageContaining("signing keys are unavailable");
    }

    @Test
    void anUnknownKeyIdWhileTheEndpointIsDownIsRefusedAndTheKnownOnesStillWork() {
        endpoint.publish(current);
        verifier.verify(bearer(tokenSignedBy(current)));
        endpoint.goDown();

        assertThatThrownBy(() -> verifier.verify(bearer(tokenSignedBy(EntraSigningKey.generate()))))
                .isInstanceOf(GraphException.class)
                .hasMessage("Access token validation failure.");
        assertThat(verifier.verify(bearer(tokenSignedBy(current))).appId()).isEqualTo(BOT);
    }

    @Test
    void aKeyTheDocumentPublishesForAnotherIssuerDoesNotVerifyThisTenantsTokens() {
        endpoint.publishIssuedBy("https://login.microsoftonline.com/" + PERSONAL_ACCOUNTS + "/v2.0", current);

        assertThatThrownBy(() -> verifier.verify(bearer(tokenSignedBy(current))))
                .isInstanceOf(GraphException.class)
                .hasMessage("Access token validation failure.");
    }

    @Test
    void aKeyPublishedForExactlyThisTenantsIssuerVerifiesItsTokens() {
        endpoint.publishIssuedBy(EntraTokens.v2Issuer(TENANT), current);

        assertThat(verifier.verify(bearer(tokenSignedBy(current))).tenantId()).isEqualTo(TENANT);
    }

    @Test
    void aTokenForMicrosoftGraphIsRefusedBeforeAnyKeyIsFetched() {
        endpoint.publish(current);
        String graphToken = new EntraTokens(current, clock).forMicrosoftGraph(EntraTokens.GRAPH, TENANT, BOT, ROLE);

        assertThatThrownBy(() -> verifier.verify(bearer(graphToken)))
                .isInstanceOf(GraphException.class)
                .hasMessageContaining("issued for Microsoft Graph");
        assertThat(endpoint.fetches()).isZero();
    }

    private String tokenSignedBy(EntraSigningKey key) {
        return new EntraTokens(key, clock).v2Application(TENANT, BOT, ROLE);
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }
}
