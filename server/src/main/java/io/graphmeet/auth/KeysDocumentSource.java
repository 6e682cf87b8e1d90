package io.graphmeet.auth;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetParseException;
import com.nimbusds.jose.jwk.source.JWKSetRetrievalException;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jose.util.ResourceRetriever;
import java.io.IOException;
import java.net.URL;
import java.text.ParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An issuer's keys document fetched from its URL, as the first link of Nimbus's source chain. Besides the keys it
 * keeps the {@code issuer} that Microsoft Entra ID's v2.0 keys documents name for each key (by {@code kid}, in the
 * set's {@link #KEY_ISSUERS} member), which Nimbus's own URL source drops.
 */
final class KeysDocumentSource implements JWKSetSource<SecurityContext> {

    /** The {@link JWKSet#getAdditionalMembers()} entry mapping a key id to the issuer it signs for. */
    static final String KEY_ISSUERS = "graphmeet:keyIssuers";

    private final URL url;
    private final ResourceRetriever retriever;

    KeysDocumentSource(URL url, ResourceRetriever retriever) {
        this.url = url;
        this.retriever = retriever;
    }

    @Override
    public JWKSet getJWKSet(JWKSetCacheRefreshEvaluator refreshEvaluator, long currentTime, SecurityContext context)
            throws KeySourceException {
        String content;
        try {
            content = retriever.retrieveResource(url).getContent();
        } catch (IOException e) {
            throw new JWKSetRetrievalException("Couldn't retrieve JWK set from URL: " + e.getMessage(), e);
        }
        try {
            Map<String, Object> document = JSONObjectUtils.parse(content);
            return new JWKSet(JWKSet.parse(document).getKeys(), Map.of(KEY_ISSUERS, keyIssuers(document)));
        } catch (ParseException e) {
            throw new JWKSetParseException("Unable to parse JWK set", e);
        }
    }

    private static Map<String, String> keyIssuers(Map<String, Object> document) {
        Map<String, String> issuers = new HashMap<>();
        if (document.get("keys") instanceof List<?> keys) {
            for (Object key : keys) {
                if (key instanceof Map<?, ?> members
                        && members.get("kid") instanceof String kid
                        && members.get("issuer") instanceof String issuer) {
                    issuers.put(kid, issuer);
                }
            }
        }
        return issuers;
    }

    @Override
    public void close() {
        // nothing held between fetches
    }
}
