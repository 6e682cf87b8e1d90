package io.graphmeet.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The whole validated configuration, parsed once at start-up by {@link ConfigLoader}. */
public record GraphmeetConfig(Server server, Storage storage, Auth auth, Directory directory, Meetings meetings,
        Profile profile, BuiltInIssuer issuer, Admin admin, Tls tls, Operations operations) {

    /** Development (built-in issuer, demo directory, generated admin key) or production (none of them). */
    public enum Profile { DEVELOPMENT, PRODUCTION }

    /** The Graph-compatible HTTP listener; a null {@code publicUrl} means {@code http://{host}:{port}}. */
    public record Server(String host, int port, String publicUrl, int maxBodyBytes) {

        /** A copy listening on {@code newPort}. */
        public Server withPort(int newPort) {
            return new Server(host, newPort, publicUrl, maxBodyBytes);
        }

        /** The base URL clients reach this server at. */
        public String effectivePublicUrl() {
            return publicUrl != null ? publicUrl : "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }
    }

    /** Which database holds the state, and how to reach it. */
    public record Storage(StorageKind kind, Path dataDir, Postgres postgres) {}

    /** The two storage backends. */
    public enum StorageKind { EMBEDDED, POSTGRES }

    /** PostgreSQL connection settings, used when the kind is {@code POSTGRES}. */
    public record Postgres(String url, String user, String password, int poolSize, Duration requestTimeout) {}

    /** Bearer token validation. */
    public record Auth(List<String> audiences, Duration clockSkew, List<Issuer> issuers, int tokenCacheSize) {
        public Auth {
            audiences = List.copyOf(audiences);
            issuers = List.copyOf(issuers);
        }
    }

    /** A trusted token issuer and where its signing keys are: a JWKS URL or a local JWKS file. */
    public record Issuer(String issuer, String jwksUri, Path jwksFile) {}

    /** Directory seeding and strictness; {@code seedDemo} creates the well-known demo tenant when it is missing. */
    public record Directory(Path bootstrapFile, boolean strict, boolean seedDemo) {}

    /** The built-in Entra-like token issuer. */
    public record BuiltInIssuer(boolean enabled, Duration tokenLifetime, List<String> delegatedScopes,
            boolean allowNonLoopback) {
        public BuiltInIssuer {
            delegatedScopes = List.copyOf(delegatedScopes);
        }
    }

    /**
     * The admin API's listener; a null {@code key} means a generated one kept in the data directory
     * (development) or no admin API at all (production).
     */
    public record Admin(String host, int port, String key) {}

    /** The optional HTTPS listener: a null {@code keystore} means none. */
    public record Tls(int port, Path keystore, String keystorePassword) {

        public boolean enabled() {
            return keystore != null;
        }
    }

    /**
     * How graphmeet is run as a service: management listener, access log, shutdown grace, throttling, and the OTLP
     * endpoint traces are exported to (null for none).
     */
    public record Operations(Management management, AccessLog accessLog, Duration shutdownGrace, Throttle throttle,
            String otlpEndpoint) {}

    /** The management listener: health, metrics and info, no key. */
    public record Management(String host, int port) {}

    /** The access log's format and, when not null, the file it is appended to instead of standard output. */
    public record AccessLog(AccessLogFormat format, Path file) {}

    /** The access log's line formats. */
    public enum AccessLogFormat { JSON, TEXT, OFF }

    /** Graph's throttling limits; {@code syncInterval} is how often nodes share their counts. */
    public record Throttle(boolean enabled, int appRequests, Duration appWindow, int tenantRequests,
            Duration tenantWindow, int userMeetingsPerMonth, Duration syncInterval) {}

    /** Meeting-related choices; a null {@code joinBaseUrl} means the server's public URL. */
    public record Meetings(String joinBaseUrl) {}

    /** A copy whose server listens on {@code port}. */
    public GraphmeetConfig withPort(int port) {
        return new GraphmeetConfig(server.withPort(port), storage, auth, directory, meetings, profile, issuer, admin,
                tls, operations);
    }

    /** The base of every joinWebUrl. */
    public String joinBaseUrl() {
        return meetings.joinBaseUrl() != null ? meetings.joinBaseUrl() : server.effectivePublicUrl();
    }
}
