package io.graphmeet.entra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import io.graphmeet.auth.Caller;
import io.graphmeet.auth.TokenVerifier;
import io.graphmeet.auth.TrustedIssuer;
import io.graphmeet.errors.GraphError;
import io.graphmeet.errors.GraphException;
import io.graphmeet.testing.Contoso;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Tokens for Microsoft Graph ({@code nonce} in the header, Graph's {@code aud}) are refused whatever
 * {@code auth.audiences} says, in every form of Graph's audience; Graph-audience tokens without a nonce, like the
 * built-in development issuer's, are not affected.
 */
class GraphTokenRefusalTest {

    private static final String TENANT = Contoso.TENANT;
    private static final String BOT = Contoso.BOT_APP;
    private static final Set<String> GRAPH_DEFAULTS =
            Set.of("https://graph.microsoft.com", "00000003-0000-0000-c000-000000000000");

    private final EntraSigningKey key = EntraSigningKey.generate();
    private final EntraTokens entra = new EntraTokens(key, Clock.systemUTC());

    @Test
    void refusedEvenWhenGraphsAudiencesAreAcceptedAndSaysToRegisterGraphmeet() {
        TokenVerifier verifier = verifier(GRAPH_DEFAULTS);

        assertThatThrownBy(() -> verifier.verify("Bearer "
                        + entra.forMicrosoftGraph("https://graph.microsoft.com", TENANT, BOT, Contoso.WRITE_ALL)))
                .isInstanceOfSatisfying(
                        GraphException.class,
                        refusal -> assertThat(refusal.error()).isEqualTo(GraphError.INVALID_AUTHENTICATION_TOKEN))
                .hasMessageContaining("issued for Microsoft Graph")
                .hasMessageContaining("Register graphmeet as its own API in Microsoft Entra ID");
    }

    @Test
    void everyFormOfGraphsAudienceIsRecognised() {
        TokenVerifier verifier = verifier(Set.of(EntraTokens.GRAPHMEET_APP_ID));

        for (String audience : List.of(
                "https://graph.microsoft.com/",
                "HTTPS://GRAPH.MICROSOFT.COM",
                "00000003-0000-0000-C000-000000000000",
                "https://graph.microsoft.us",
                "https://dod-graph.microsoft.us",
                "https://microsoftgraph.chinacloudapi.cn")) {
            assertThatThrownBy(() -> verifier.verify(
                            "Bearer " + entra.forMicrosoftGraph(audience, TENANT, BOT, Contoso.WRITE_ALL)))
                    .as(audience)
                    .hasMessageContaining("issued for Microsoft Graph (aud '" + audience + "')")
                    .hasMessageContaining("request the scope '" + EntraTokens.GRAPHMEET_APP_ID + "/.default'");
        }
    }

    @Test
    void aGraphAudienceWithoutANonceIsVerifiedAsBefore() {
        TokenVerifier verifier = verifier(GRAPH_DEFAULTS);
        String builtInStyle = entra.v2ApplicationFor("https://graph.microsoft.com", TENANT, BOT, Contoso.WRITE_ALL);

        Caller caller = verifier.verify("Bearer " + builtInStyle);

        assertThat(caller).isInstanceOf(Caller.Application.class);
    }

    private TokenVerifier verifier(Set<String> audiences) {
        ImmutableJWKSet<SecurityContext> keys =
                new ImmutableJWKSet<>(new JWKSet(key.jwk().toPublicJWK()));
        List<TrustedIssuer> issuers = List.of(
                new TrustedIssuer(EntraTokens.v2Issuer(TENANT), keys, Set.of(TENANT)),
                new TrustedIssuer(EntraTokens.stsIssuer(TENANT), keys, Set.of(TENANT)));
        return new TokenVerifier(
                issuers, audiences, Duration.ofMinutes(1), Duration.ofHours(24), Clock.systemUTC(), 1 << 20);
    }
}
