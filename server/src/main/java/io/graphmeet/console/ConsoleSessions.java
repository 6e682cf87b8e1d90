package io.graphmeet.console;

import io.graphmeet.admin.AdminSessions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The console's sessions and one-time sign-in links, in memory only: a restart signs everyone out. A session lives
 * {@link #SESSION_LIFETIME} from sign-in, however busy; a link {@link #LINK_LIFETIME} from its making, and is
 * gone once redeemed. At most {@link #MAX_SESSIONS} sessions live at once; signing in past that ends the oldest.
 */
public final class ConsoleSessions implements AdminSessions {

    /** The cookie that names a session. */
    public static final String COOKIE = "graphmeet_console";

    /** How long a session lasts from sign-in. */
    public static final Duration SESSION_LIFETIME = Duration.ofHours(8);

    /** How long a one-time sign-in link stays redeemable. */
    public static final Duration LINK_LIFETIME = Duration.ofMinutes(10);

    /** The most sessions alive at once. */
    public static final int MAX_SESSIONS = 1000;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, Instant> links = new ConcurrentHashMap<>();

    public ConsoleSessions(Clock clock) {
        this.clock = clock;
    }

    /** A signed-in browser: the cookie's value, the token its changes carry, and when it ends. */
    public record Session(String id, String csrfToken, Instant expiresAt) {}

    /** Opens a session for a caller who just proved to hold the admin key. */
    public Session signIn() {
        Instant now = clock.instant();
        sessions.values().removeIf(session -> !session.expiresAt().isAfter(now));
        while (sessions.size() >= MAX_SESSIONS) {
            sessions.values().stream()
                    .min(Comparator.comparing(Session::expiresAt))
                    .ifPresent(oldest -> sessions.remove(oldest.id()));
        }
        Session session = new Session(randomToken(), randomToken(), now.plus(SESSION_LIFETIME));
        sessions.put(session.id(), session);
        return session;
    }

    /** The live session a {@code Cookie} header (null: none) names; an expired one is forgotten on the way. */
    public Optional<Session> find(String cookieHeader) {
        String id = SessionCookie.valueIn(cookieHeader);
        if (id == null) {
            return Optional.empty();
        }
        Session session = sessions.get(id);
        if (session == null) {
            return Optional.empty();
        }
        if (!session.expiresAt().isAfter(clock.instant())) {
            sessions.remove(id, session);
            return Optional.empty();
        }
        return Optional.of(session);
    }

    @Override
    public Optional<String> csrfToken(String cookieHeader) {
        return find(cookieHeader).map(Session::csrfToken);
    }

    /** Ends the session the header names, if any. */
    public void signOut(String cookieHeader) {
        find(cookieHeader).ifPresent(session -> sessions.remove(session.id()));
    }

    /** A new one-time sign-in token, redeemable once within {@link #LINK_LIFETIME}. */
    public String newLinkToken() {
        Instant now = clock.instant();
        links.values().removeIf(expiry -> !expiry.isAfter(now));
        String token = randomToken();
        links.put(token, now.plus(LINK_LIFETIME));
        return token;
    }

    /** A session for a link token that is known, unexpired and not yet used; the token is spent either way. */
    public Optional<Session> redeem(String linkToken) {
        if (linkToken == null) {
            return Optional.empty();
        }
        Instant expiry = links.remove(linkToken);
        if (expiry == null || !expiry.isAfter(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(signIn());
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
