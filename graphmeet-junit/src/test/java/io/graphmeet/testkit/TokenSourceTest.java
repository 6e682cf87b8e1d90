package io.graphmeet.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tokens from the built-in issuer that replace themselves before they expire. */
class TokenSourceTest {

    private static GraphmeetServer graphmeet;
    private static TestTenant tenant;

    @BeforeAll
    static void start() {
        graphmeet = GraphmeetServer.builder()
                .setting("issuer.tokenLifetime", "PT10M")
                .start();
        tenant = graphmeet.newTenant();
    }

    @AfterAll
    static void stop() {
        graphmeet.close();
    }

    @Test
    void keepsItsTokenUntilFiveMinutesBeforeExpiryThenFetchesANewOne() {
        MovableClock clock = new MovableClock(Instant.now());
        TokenSource tokens = appTokens(clock);

        String first = tokens.token();
        clock.advance(Duration.ofMinutes(4).plusSeconds(50));
        String beforeTheMargin = tokens.token();
        clock.advance(Duration.ofSeconds(15));
        String afterTheMargin = tokens.token();

        assertThat(beforeTheMargin).isEqualTo(first);
        assertThat(afterTheMargin).isNotEqualTo(first);
    }

    @Test
    void shortLivedTokensAreReplacedAtHalfTheirLifetime() {
        assertThat(TokenSource.refreshMargin(Duration.ofMinutes(2))).isEqualTo(Duration.ofMinutes(1));
        assertThat(TokenSource.refreshMargin(Duration.ofHours(1))).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aRefusalNamesTheIssuersError() {
        TokenSource wrongSecret = new TokenSource(
                HttpClient.newHttpClient(),
                graphmeet.baseUrl(),
                tenant.tenantId(),
                Map.of(
                        "grant_type",
                        "client_credentials",
                        "client_id",
                        tenant.appId(),
                        "client_secret",
                        "wrong",
                        "scope",
                        "https://graph.microsoft.com/.default"),
                Clock.systemUTC());

        assertThatThrownBy(wrongSecret::token).hasMessageContaining("(401): invalid_client AADSTS7000215");
    }

    private static TokenSource appTokens(Clock clock) {
        return new TokenSource(
                HttpClient.newHttpClient(),
                graphmeet.baseUrl(),
                tenant.tenantId(),
                Map.of(
                        "grant_type",
                        "client_credentials",
                        "client_id",
                        tenant.appId(),
                        "client_secret",
                        tenant.appSecret(),
                        "scope",
                        "https://graph.microsoft.com/.default"),
                clock);
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
