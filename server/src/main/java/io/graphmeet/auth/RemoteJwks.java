package io.graphmeet.auth;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetBasedJWKSource;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import java.net.URL;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The signing keys an issuer publishes at a JWKS URL, through Nimbus's own source chain: cached, refreshed in
 * the background before they expire, refreshed at once for an unknown {@code kid} (at most twice per
 * {@link #MIN_REFRESH_INTERVAL}), retried once, and kept through an outage of the endpoint for
 * {@link #OUTAGE_TOLERANCE}. Given a {@link TokenIssuerContext}, it leaves out keys that the document publishes for
 * another issuer.
 *
 * <p>Nimbus's {@code JWKSetBasedJWKSource} does the same selection but reads {@code System.currentTimeMillis()};
 * this one reads the injected clock, so cache expiry and outages are tested by moving time, not by sleeping.
 */
final class RemoteJwks implements JWKSource<SecurityContext> {

    static final Duration TIME_TO_LIVE = Duration.ofHours(1);
    static final Duration REFRESH_AHEAD = Duration.ofMinutes(5);
    static final Duration MIN_REFRESH_INTERVAL = Duration.ofSeconds(30);
    static final Duration OUTAGE_TOLERANCE = Duration.ofHours(12);
    private static final Duration REFRESH_TIMEOUT = Duration.ofSeconds(15);
    private static final int HTTP_TIMEOUT_MILLIS = 2_000;
    private static final int HTTP_SIZE_LIMIT_BYTES = 256 * 1024;

    /** Background refreshes run on virtual threads, which never keep the JVM alive. */
    private static final ExecutorService REFRESHES = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("jwks-refresh-", 0).factory());

    private static final Pattern TENANT_PLACEHOLDER = Pattern.compile("\\{tenantid\\}", Pattern.CASE_INSENSITIVE);

    private final JWKSetSource<SecurityContext> source;
    private final Clock clock;

    RemoteJwks(URL jwksUri, Clock clock) {
        JWKSource<SecurityContext> chain = JWKSourceBuilder.create(new KeysDocumentSource(
                        jwksUri,
                        new DefaultResourceRetriever(HTTP_TIMEOUT_MILLIS, HTTP_TIMEOUT_MILLIS, HTTP_SIZE_LIMIT_BYTES)))
                .cache(TIME_TO_LIVE.toMillis(), REFRESH_TIMEOUT.toMillis())
                .refreshAheadCache(REFRESH_AHEAD.toMillis(), null, REFRESHES, false, null, false)
                .rateLimited(MIN_REFRESH_INTERVAL.toMillis())
                .retrying(true)
                .outageTolerant(OUTAGE_TOLERANCE.toMillis())
                .build();
        this.source = ((JWKSetBasedJWKSource<SecurityContext>) chain).getJWKSetSource();
        this.clock = clock;
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
        long now = clock.millis();
        JWKSet keys = source.getJWKSet(JWKSetCacheRefreshEvaluator.noRefresh(), now, context);
        List<JWK> selected = selector.select(keys);
        if (selected.isEmpty()) {
            try {
                keys = source.getJWKSet(JWKSetCacheRefreshEvaluator.referenceComparison(keys), now, context);
            } catch (RateLimitReachedException e) {
                return List.of(); // refreshed recently enough: the key is unknown, not the keys unavailable
            }
            selected = selector.select(keys);
        }
        return context instanceof TokenIssuerContext token ? forIssuer(selected, keys, token) : selected;
    }

    /**
     * The keys that may sign this token: a key the document publishes for a named issuer only verifies that
     * issuer's tokens, with {@code {tenantid}} standing for the token's {@code tid} (Entra's rule for its keys).
     */
    private static List<JWK> forIssuer(List<JWK> selected, JWKSet keys, TokenIssuerContext token) {
        Map<?, ?> keyIssuers = keys.getAdditionalMembers().get(KeysDocumentSource.KEY_ISSUERS) instanceof Map<?, ?> map
                ? map
                : Map.of();
        return selected.stream()
                .filter(key ->
                        !(keyIssuers.get(key.getKeyID()) instanceof String keyIssuer) || signsFor(keyIssuer, token))
                .toList();
    }

    private static boolean signsFor(String keyIssuer, TokenIssuerContext token) {
        if (!TENANT_PLACEHOLDER.matcher(keyIssuer).find()) {
            return keyIssuer.equals(token.issuer());
        }
        return token.tenantId() != null
                && TENANT_PLACEHOLDER
                        .matcher(keyIssuer)
                        .replaceAll(Matcher.quoteReplacement(token.tenantId()))
                        .equals(token.issuer());
    }
}
