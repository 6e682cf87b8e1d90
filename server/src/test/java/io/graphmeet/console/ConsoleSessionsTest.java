package io.graphmeet.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphmeet.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The session store alone: bounded, forgetting what expired, links spent on first use. */
class ConsoleSessionsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T10:00:00Z"));
    private final ConsoleSessions sessions = new ConsoleSessions(clock);

    @Test
    void signingInPastTheBoundEndsTheOldestSession() {
        List<ConsoleSessions.Session> opened = new ArrayList<>();
        for (int i = 0; i <= ConsoleSessions.MAX_SESSIONS; i++) {
            opened.add(sessions.signIn());
            clock.advance(Duration.ofMillis(1));
        }

        assertThat(sessions.find(cookie(opened.getFirst()))).isEmpty();
        assertThat(sessions.find(cookie(opened.get(1)))).isPresent();
        assertThat(sessions.find(cookie(opened.getLast()))).contains(opened.getLast());
    }

    @Test
    void aSessionIsFoundOnlyByItsOwnCookieAmongOthers() {
        ConsoleSessions.Session session = sessions.signIn();

        assertThat(sessions.find("theme=dark; " + cookie(session) + "; lang=en"))
                .contains(session);
        assertThat(sessions.csrfToken(cookie(session))).contains(session.csrfToken());
        assertThat(sessions.find(ConsoleSessions.COOKIE + "=" + session.csrfToken()))
                .isEmpty();
        assertThat(sessions.find(ConsoleSessions.COOKIE + "=")).isEmpty();
        assertThat(sessions.find("other_" + cookie(session))).isEmpty();
        assertThat(sessions.find(null)).isEmpty();
    }

    @Test
    void aLinkTokenIsSpentEvenWhenRedeemedTooLate() {
        String late = sessions.newLinkToken();
        clock.advance(ConsoleSessions.LINK_LIFETIME);

        assertThat(sessions.redeem(late)).isEmpty();
        assertThat(sessions.redeem(null)).isEmpty();
        assertThat(sessions.redeem("made-up")).isEmpty();
        String fresh = sessions.newLinkToken();
        assertThat(sessions.redeem(fresh)).isPresent();
        assertThat(sessions.redeem(fresh)).isEmpty();
    }

    private static String cookie(ConsoleSessions.Session session) {
        return ConsoleSessions.COOKIE + "=" + session.id();
    }
}
