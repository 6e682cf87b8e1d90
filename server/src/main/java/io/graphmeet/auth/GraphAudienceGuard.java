package io.graphmeet.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.graphmeet.errors.GraphError;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Refuses access tokens that Microsoft Entra ID issued for Microsoft Graph itself. Their JOSE header carries a
 * {@code nonce} and their signature covers a transformed value that only Graph reproduces, so no one else can
 * verify them; this says so, and says how to get a token for graphmeet's own registration, instead of failing
 * as an ordinary bad signature.
 */
final class GraphAudienceGuard {

    /** Microsoft Graph's application id and its resource URIs in the global and national clouds. */
    private static final Set<String> GRAPH_AUDIENCES = Set.of(
            "00000003-0000-0000-c000-000000000000",
            "https://graph.microsoft.com",
            "https://canary.graph.microsoft.com",
            "https://graph.microsoft.us",
            "https://dod-graph.microsoft.us",
            "https://microsoftgraph.chinacloudapi.cn");

    private static final Pattern GUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** Where Microsoft Entra ID's token issuers live, in the global and national clouds. */
    private static final List<String> ENTRA_ISSUER_PREFIXES = List.of(
            "https://login.microsoftonline.com/",
            "https://sts.windows.net/",
            "https://login.microsoftonline.us/",
            "https://login.partner.microsoftonline.cn/",
            "https://sts.chinacloudapi.cn/");

    private static final Logger LOG = Logger.getLogger(GraphAudienceGuard.class.getName());

    private final String howToGetOne;

    GraphAudienceGuard(Collection<String> acceptedAudiences, Collection<String> issuerTemplates) {
        misconfiguration(acceptedAudiences, issuerTemplates).ifPresent(LOG::warning);
        this.howToGetOne = ownAudience(acceptedAudiences)
                .map(audience -> "Ask Microsoft Entra ID for a token for graphmeet's own app registration instead: "
                        + "request the scope '" + audience + "/.default' (application) or '" + audience
                        + "/OnlineMeetings.ReadWrite' (delegated) rather than Microsoft Graph's.")
                .orElse("Register graphmeet as its own API in Microsoft Entra ID, list its Application ID URI and "
                        + "client id in auth.audiences, and request tokens for it ('{Application ID URI}/.default') "
                        + "rather than for Microsoft Graph.");
    }

    /** Throws a 401 Graph error when the token is one only Microsoft Graph can verify. */
    void refuseGraphOnlyTokens(SignedJWT token, JWTClaimsSet claims) {
        if (token.getHeader().getCustomParam("nonce") == null) {
            return;
        }
        claims.getAudience().stream()
                .filter(GraphAudienceGuard::isGraph)
                .findFirst()
                .ifPresent(audience -> {
                    throw GraphError.INVALID_AUTHENTICATION_TOKEN.with(
                            "Access token validation failure. This token was "
                                    + "issued for Microsoft Graph (aud '" + audience
                                    + "') and carries Graph's nonce header: its "
                                    + "signature can only be verified by Microsoft Graph, not outside Graph. "
                                    + howToGetOne
                                    + " See docs/entra.md.");
                });
    }

    /**
     * A warning when Microsoft Entra ID is trusted but only Graph's audiences are accepted: every real token would
     * then be one for Graph, which is refused.
     */
    static Optional<String> misconfiguration(Collection<String> acceptedAudiences, Collection<String> issuerTemplates) {
        boolean trustsEntra = issuerTemplates.stream()
                .anyMatch(template -> ENTRA_ISSUER_PREFIXES.stream()
                        .anyMatch(prefix -> template.toLowerCase(Locale.ROOT).startsWith(prefix)));
        if (!trustsEntra || acceptedAudiences.stream().anyMatch(audience -> !isGraph(audience))) {
            return Optional.empty();
        }
        return Optional.of("auth.issuers trusts Microsoft Entra ID but auth.audiences accepts only Microsoft Graph's "
                + "audiences: tokens Entra issues for Microsoft Graph can't be verified outside Graph and will be "
                + "refused. Register graphmeet as its own API in Entra and list its client id and Application ID URI "
                + "in auth.audiences (docs/entra.md).");
    }

    private static boolean isGraph(String audience) {
        String normalized = audience.toLowerCase(Locale.ROOT);
        if (normalized.endsWith("/")) {
            normalized = normalized.substring(0, normalized.length() - 1);
        }
        return GRAPH_AUDIENCES.contains(normalized);
    }

    /** The Application ID URI among the accepted audiences, else the client id (Entra takes both as a resource). */
    private static Optional<String> ownAudience(Collection<String> acceptedAudiences) {
        Optional<String> uri = acceptedAudiences.stream()
                .filter(audience -> !isGraph(audience) && audience.contains("://"))
                .map(audience -> audience.endsWith("/") ? audience.substring(0, audience.length() - 1) : audience)
                .sorted()
                .findFirst();
        if (uri.isPresent()) {
            return uri;
        }
        return acceptedAudiences.stream()
                .filter(audience -> !isGraph(audience) && GUID.matcher(audience).matches())
                .sorted()
                .findFirst();
    }
}
