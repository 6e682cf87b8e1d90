package io.graphmeet.issuer;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What the built-in issuer needs to know: the base URL it serves under on each listener (its issuer is
 * {@code {baseUrl}/{tenantId}/v2.0}), how long its tokens live, and the delegated scopes any user may be given.
 * {@code tlsBaseUrl} is the base URL of requests that arrive over TLS when it differs from {@code baseUrl} (the
 * HTTPS listener, when no public URL is configured), else null.
 */
public record IssuerSettings(String baseUrl, String tlsBaseUrl, Duration tokenLifetime, List<String> delegatedScopes) {

    public IssuerSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(tokenLifetime, "tokenLifetime");
        delegatedScopes = List.copyOf(delegatedScopes);
    }

    /** The issuer templates a {@link io.graphmeet.auth.TrustedIssuer} matches built-in tokens with: one per base URL. */
    public List<String> issuerTemplates() {
        return (tlsBaseUrl == null ? List.of(baseUrl) : List.of(baseUrl, tlsBaseUrl))
                .stream().map(base -> base + "/{tenantid}/v2.0").toList();
    }

    /** The base URL of a request that arrived over TLS or not. */
    String baseUrl(boolean overTls) {
        return overTls && tlsBaseUrl != null ? tlsBaseUrl : baseUrl;
    }

    static String issuer(String baseUrl, String tenantId) {
        return baseUrl + "/" + tenantId + "/v2.0";
    }
}
