package io.graphmeet.admin;

import java.util.Optional;

/**
 * The admin API's second credential besides the key: a console session, named by the session cookie that signing
 * in with the key gave a browser. A session proves who calls but not that the caller meant to: every change it
 * asks for must also carry the session's CSRF token in {@value #CSRF_HEADER}.
 */
public interface AdminSessions {

    /** The header that carries a session's CSRF token. */
    String CSRF_HEADER = "X-CSRF-Token";

    /** The CSRF token of the live session that a request's {@code Cookie} header (null: none) names, if any. */
    Optional<String> csrfToken(String cookieHeader);
}
