package io.graphmeet.testing;

import io.graphmeet.Graphmeet;
import io.graphmeet.config.ConfigLoader;
import io.graphmeet.meetings.MeetingIdentifiers;
import io.graphmeet.meetings.RandomMeetingIdentifiers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A real graphmeet on a loopback port, on a chosen backend, trusting a {@link TestIssuer} besides its built-in
 * issuer, with its admin API on another free port under {@link #ADMIN_KEY}.
 */
public final class TestServer implements AutoCloseable {

    /** The admin key every test server uses. */
    public static final String ADMIN_KEY = "test-admin-key-0123456789";

    private final Map<String, String> settings;
    private final Map<String, String> restartSettings;
    private final Clock clock;
    private final MeetingIdentifiers identifiers;
    private final TestIssuer issuer;
    private Graphmeet graphmeet;

    private TestServer(Map<String, String> settings, Clock clock, MeetingIdentifiers identifiers, TestIssuer issuer) {
        this.settings = Map.copyOf(settings);
        this.clock = clock;
        this.identifiers = identifiers;
        this.issuer = issuer;
        this.graphmeet = Graphmeet.start(ConfigLoader.load(null, this.settings), clock, identifiers);
        Map<String, String> samePort = new HashMap<>(this.settings);
        samePort.put("GRAPHMEET_SERVER_PORT", Integer.toString(graphmeet.port()));
        this.restartSettings = Map.copyOf(samePort);
    }

    public static Builder on(Backend backend, Path scratch) {
        return new Builder(backend, scratch);
    }

    public GraphHttp http() {
        return new GraphHttp(graphmeet.baseUrl());
    }

    public TestIssuer issuer() {
        return issuer;
    }

    public String baseUrl() {
        return graphmeet.baseUrl();
    }

    /** The admin API's base URL. */
    public String adminUrl() {
        return graphmeet.adminUrl().orElseThrow();
    }

    /** The HTTPS base URL, when the test configured TLS. */
    public String httpsUrl() {
        return graphmeet.httpsUrl().orElseThrow();
    }

    /** The running server itself. */
    public Graphmeet graphmeet() {
        return graphmeet;
    }

    /** A client of the built-in issuer's token endpoint. */
    public TokenHttp tokens() {
        return new TokenHttp(http());
    }

    /** A client of the admin API holding the admin key. */
    public AdminHttp admin() {
        return new AdminHttp(adminUrl(), ADMIN_KEY);
    }

    /**
     * Stops the server and starts a new one on the same data, settings and Graph port, so that its public URL,
     * and so its built-in issuer's URL, stay the same as a real server's do.
     */
    public void restart() {
        graphmeet.close();
        graphmeet = Graphmeet.start(ConfigLoader.load(null, restartSettings), clock, identifiers);
    }

    @Override
    public void close() {
        graphmeet.close();
    }

    /** Chooses what differs from the defaults. */
    public static final class Builder {
        private final Map<String, String> settings = new HashMap<>();
        private final Path scratch;
        private Clock clock = new MutableClock(Instant.parse("2026-03-12T09:15:02.4127391Z"));
        private MeetingIdentifiers identifiers;
        private String bootstrapYaml;

        private Builder(Backend backend, Path scratch) {
            this.scratch = scratch;
            settings.putAll(backend.newStorage(scratch));
            settings.put("GRAPHMEET_SERVER_PORT", "0");
            settings.put("GRAPHMEET_ADMIN_PORT", "0");
            settings.put("GRAPHMEET_MANAGEMENT_PORT", "0");
            settings.put("GRAPHMEET_ADMIN_KEY", ADMIN_KEY);
        }

        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        public Builder identifiers(MeetingIdentifiers value) {
            this.identifiers = value;
            return this;
        }

        public Builder bootstrap(String yaml) {
            this.bootstrapYaml = yaml;
            return this;
        }

        public Builder setting(String variable, String value) {
            settings.put(variable, value);
            return this;
        }

        public TestServer start() {
            TestIssuer issuer = new TestIssuer(scratch, clock);
            settings.put("GRAPHMEET_AUTH_ISSUERS", issuer.issuersSetting());
            if (bootstrapYaml != null) {
                try {
                    Path file = Files.createTempFile(scratch, "bootstrap", ".yaml");
                    Files.writeString(file, bootstrapYaml);
                    settings.put("GRAPHMEET_DIRECTORY_BOOTSTRAP_FILE", file.toString());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return new TestServer(
                    settings, clock, identifiers != null ? identifiers : new RandomMeetingIdentifiers(clock), issuer);
        }
    }
}
