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
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An issuer whose tokens are accepted. {@code template} is the expected {@code iss}; a {@code {tenantid}}
 * in it must equal the token's {@code tid}. {@code tenants}, when not empty, are the only {@code tid}s the issuer
 * may speak for; a fixed issuer (no {@code {tenantid}}) must name them, or it could claim any tenant.
 */
public record TrustedIssuer(String template, JWKSource<SecurityContext> keys, Set<String> tenants) {

    private static final String TENANT_PLACEHOLDER = "{tenantid}";

    public TrustedIssuer {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(keys, "keys");
        tenants =
                tenants.stream().map(tenant -> tenant.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        if (!isTemplate(template) && tenants.isEmpty()) {
            throw new IllegalArgumentException("the fixed issuer " + template + " must name the tenants it issues for");
        }
    }

    /** An issuer whose {@code iss} holds the tenant, trusted for any tenant. */
    public TrustedIssuer(String template, JWKSource<SecurityContext> keys) {
        this(template, keys, Set.of());
    }

    /** Whether an issuer must name its tenants: it has no {@code {tenantid}} in its {@code iss}. */
    public static boolean isTemplate(String issuer) {
        return issuer.contains(TENANT_PLACEHOLDER);
    }

    /**
     * An issuer whose keys are fetched from {@code jwksUri} (as Microsoft Entra ID publishes them): cached, refreshed
     * for an unknown {@code kid} at a limited rate, and kept while the endpoint is down.
     *
     * @throws IllegalArgumentException if {@code jwksUri} is not an absolute http(s) URL
     */
    public static TrustedIssuer withJwksUri(String template, String jwksUri, Set<String> tenants, Clock clock) {
        URI uri = URI.create(jwksUri);
        if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("not an http(s) URL: " + jwksUri);
        }
        try {
            return new TrustedIssuer(template, new RemoteJwks(uri.toURL(), clock), tenants);
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("not a URL: " + jwksUri, e);
        }
    }

    /** An issuer whose keys are the JWKS in {@code file}, read once. */
    public static TrustedIssuer withJwksFile(String template, Path file, Set<String> tenants)
            throws IOException, ParseException {
        return new TrustedIssuer(template, new ImmutableJWKSet<>(JWKSet.load(file.toFile())), tenants);
    }

    /** Whether a token with this {@code iss} and (lower-case) {@code tid} comes from this issuer. */
    boolean issued(String issuer, String tenantId) {
        if (issuer == null || tenantId == null || !(tenants.isEmpty() || tenants.contains(tenantId))) {
            return false;
        }
        if (!isTemplate(template)) {
            return template.equals(issuer);
        }
        int at = template.indexOf(TENANT_PLACEHOLDER);
        String prefix = template.substring(0, at);
        String suffix = template.substring(at + TENANT_PLACEHOLDER.length());
        return issuer.length() == prefix.length() + tenantId.length() + suffix.length()
                && issuer.startsWith(prefix)
                && issuer.endsWith(suffix)
                && issuer.regionMatches(true, prefix.length(), tenantId, 0, tenantId.length());
    }
}
