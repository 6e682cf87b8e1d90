package io.graphmeet.console;

import java.time.Duration;

/**
 * The session cookie on the wire: {@code HttpOnly} (no script reads it), {@code SameSite=Strict} (no other site's
 * page sends it), {@code Secure} when the console is served over TLS, {@code Path=/} so that the admin API under
 * {@code /admin/v1} receives it too, and a {@code Max-Age} no longer than the session.
 */
final class SessionCookie {

    private SessionCookie() {}

    /** The {@code Set-Cookie} value that gives a browser the session {@code id} for {@code lifetime}. */
    static String set(String id, Duration lifetime, boolean secure) {
        return ConsoleSessions.COOKIE + "=" + id + "; Path=/; Max-Age=" + Math.max(0, lifetime.toSeconds())
                + "; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }

    /** The {@code Set-Cookie} value that makes a browser forget the session. */
    static String clear(boolean secure) {
        return set("", Duration.ZERO, secure);
    }

    /** The session cookie's value in a {@code Cookie} header (null: none), or null. */
    static String valueIn(String cookieHeader) {
        if (cookieHeader == null) {
            return null;
        }
        for (String pair : cookieHeader.split(";")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).strip().equals(ConsoleSessions.COOKIE)) {
                String value = pair.substring(equals + 1).strip();
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }
}
