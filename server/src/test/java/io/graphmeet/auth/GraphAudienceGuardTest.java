package io.graphmeet.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The start-up warning for a set-up that trusts Microsoft Entra ID but can only ever see tokens for Graph. */
class GraphAudienceGuardTest {

    private static final List<String> GRAPH =
            List.of("https://graph.microsoft.com", "00000003-0000-0000-c000-000000000000");
    private static final List<String> ENTRA =
            List.of("https://login.microsoftonline.com/{tenantid}/v2.0", "https://sts.windows.net/{tenantid}/");

    @Test
    void warnsWhenEntraIsTrustedButOnlyGraphsAudiencesAreAccepted() {
        assertThat(GraphAudienceGuard.misconfiguration(GRAPH, ENTRA))
                .hasValueSatisfying(warning -> assertThat(warning)
                        .contains("auth.audiences accepts only Microsoft Graph's audiences")
                        .contains("docs/entra.md"));
        assertThat(GraphAudienceGuard.misconfiguration(
                        List.of("https://graph.microsoft.com/"),
                        List.of("https://sts.windows.net/5f1c6d2e-8a4b-4c3d-9e0f-1a2b3c4d5e6f/")))
                .isPresent();
    }

    @Test
    void isQuietWhenGraphmeetsOwnAudienceIsAcceptedOrEntraIsNotTrusted() {
        assertThat(GraphAudienceGuard.misconfiguration(List.of("api://graphmeet.contoso.com"), ENTRA))
                .isEmpty();
        assertThat(GraphAudienceGuard.misconfiguration(
                        List.of("https://graph.microsoft.com", "8f3b6a2d-4c1e-4b7a-9d5f-2e6c8a0b1d3f"), ENTRA))
                .isEmpty();
        assertThat(GraphAudienceGuard.misconfiguration(GRAPH, List.of("http://127.0.0.1:8080/{tenantid}/v2.0")))
                .as("the built-in development issuer")
                .isEmpty();
    }
}
