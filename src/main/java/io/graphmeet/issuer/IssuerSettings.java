package io.graphmeet.issuer;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What the built-in issuer needs to know: the base URL it serves under (its issuer is
 * {@code {baseUrl}/{tenantId}/v2.0}), how long its tokens live, and the delegated scopes any user may be given.
 */
public record IssuerSettings(String baseUrl, Duration tokenLifetime, List<String> delegatedScopes) {

    public IssuerSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(tokenLifetime, "tokenLifetime");
        delegatedScopes = List.copyOf(delegatedScopes);
    }

    /** The issuer template a {@link io.graphmeet.auth.TrustedIssuer} matches built-in tokens with. */
    public String issuerTemplate() {
        return baseUrl + "/{tenantid}/v2.0";
    }

    String issuer(String tenantId) {
        return baseUrl + "/" + tenantId + "/v2.0";
    }
}
