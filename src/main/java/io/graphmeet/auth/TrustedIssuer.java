package io.graphmeet.auth;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
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

    /**
     * An issuer whose keys are fetched from {@code jwksUri} (as Microsoft Entra ID publishes them): cached, refreshed
     * for an unknown {@code kid} at a limited rate, and kept while the endpoint is down.
     *
     * @throws IllegalArgumentException if {@code jwksUri} is not an absolute http(s) URL
     */
    public static TrustedIssuer withJwksUri(String template, String jwksUri, Clock clock) {
        URI uri = URI.create(jwksUri);
        if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("not an http(s) URL: " + jwksUri);
        }
        try {
            return new TrustedIssuer(template, new RemoteJwks(uri.toURL(), clock));
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("not a URL: " + jwksUri, e);
        }
    }

    /** An issuer whose keys are the JWKS in {@code file}, read once. */
    public static TrustedIssuer withJwksFile(String template, Path file) throws IOException, ParseException {
        return new TrustedIssuer(template, new ImmutableJWKSet<>(JWKSet.load(file.toFile())));
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
