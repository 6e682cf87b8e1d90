package io.graphmeet.issuer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Entra's smart lockout, simply: after {@link #MAX_FAILURES} failed password sign-ins in a row for one user name
 * of one tenant, that name is locked for {@link #LOCKOUT} ({@code AADSTS50053}), whether or not the user exists,
 * so the lockout tells nothing about who does. Counts live in this node's memory, bounded in bytes.
 */
final class SignInThrottle {

    static final int MAX_FAILURES = 10;
    static final Duration LOCKOUT = Duration.ofMinutes(1);
    private static final long MAX_BYTES = 4L * 1024 * 1024;
    private static final int ENTRY_OVERHEAD_BYTES = 128;

    private final Clock clock;
    private final Cache<String, Failures> failures = Caffeine.newBuilder()
            .maximumWeight(MAX_BYTES)
            .weigher((String name, Failures count) -> 2 * name.length() + ENTRY_OVERHEAD_BYTES)
            .expireAfterWrite(Duration.ofMinutes(15))
            .build();

    SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Refuses a name locked out by its recent failures. */
    void requireNotLocked(String tenantId, String username) {
        Failures recent = failures.getIfPresent(key(tenantId, username));
        if (recent != null && recent.lockedUntil() != null && clock.instant().isBefore(recent.lockedUntil())) {
            throw EntraError.ACCOUNT_LOCKED.with();
        }
    }

    void failed(String tenantId, String username) {
        Instant now = clock.instant();
        failures.asMap().compute(key(tenantId, username), (key, recent) -> {
            int count = (recent == null ? 0 : recent.count()) + 1;
            return count >= MAX_FAILURES ? new Failures(0, now.plus(LOCKOUT)) : new Failures(count, null);
        });
    }

    void succeeded(String tenantId, String username) {
        failures.invalidate(key(tenantId, username));
    }

    private static String key(String tenantId, String username) {
        return tenantId + "/" + username.toLowerCase(Locale.ROOT);
    }

    private record Failures(int count, Instant lockedUntil) {}
}
