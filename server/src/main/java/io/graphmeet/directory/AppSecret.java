package io.graphmeet.directory;

import java.time.Instant;
import java.util.Objects;

/**
 * A client secret of an app as stored: only its hash, the first characters of its text ({@code hint}, as
 * Entra shows them) and when it was added. The secret text itself is known only to whoever created it.
 */
public record AppSecret(String tenantId, String appId, String secretId, String hash, String hint, Instant createdAt) {

    public AppSecret {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(secretId, "secretId");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
