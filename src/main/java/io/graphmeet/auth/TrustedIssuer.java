package io.graphmeet.auth;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.util.Objects;

/**
 * An issuer whose tokens are accepted. {@code template} is the expected {@code iss}; a {@code {tenantid}}
 * in it must equal the token's {@code tid}.
 */
public record TrustedIssuer(String template, JWKSource<SecurityContext> keys) {

    private static final String TENANT_PLACEHOLDER = "{tenantid}";

    public TrustedIssuer {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(keys, "keys");
    }

    boolean issued(String issuer, String tenantId) {
        if (issuer == null) {
            return false;
        }
        if (!template.contains(TENANT_PLACEHOLDER)) {
            return template.equals(issuer);
        }
        return tenantId != null && template.replace(TENANT_PLACEHOLDER, tenantId).equals(issuer);
    }
}
