package io.graphmeet.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The whole validated configuration, parsed once at start-up by {@link ConfigLoader}. */
public record GraphmeetConfig(
        Server server,
        Storage storage,
        Auth auth,
        Directory directory,
        Meetings meetings,
        Profile profile,
        BuiltInIssuer issuer,
        Admin admin,
        Tls tls,
        Operations operations,
        Journal journal) {

    /** Development (built-in issuer, demo directory, generated admin key) or production (none of them). */
    public enum Profile {
        DEVELOPMENT,
        PRODUCTION
    }

    /** The Graph-compatible HTTP listener; a null {@code publicUrl} means {@code http://{host}:{port}}. */
    public record Server(String host, int port, String publicUrl, int maxBodyBytes, Connections connections) {

        /** A copy listening on {@code newPort}. */
        public Server withPort(int newPort) {
            return new Server(host, newPort, publicUrl, maxBodyBytes, connections);
        }

        /** The base URL clients reach this server at. */
        public String effectivePublicUrl() {
            return publicUrl != null
                    ? publicUrl
                    : "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }
    }

    /**
     * Limits every listener puts on its clients: {@code readTimeout} for sending a request's headers and body,
     * counted from its first byte (and so also the longest pause); {@code idleTimeout} for a kept-alive connection
     * without a request; past {@code maxConcurrentRequests} a request gets {@code 503} with {@code Retry-After};
     * past {@code maxConnections} new connections wait to be accepted.
     */
    public record Connections(
            Duration readTimeout, Duration idleTimeout, int maxConcurrentRequests, int maxConnections) {}

    /** Which database holds the state, and how to reach it. */
    public record Storage(StorageKind kind, Path dataDir, Postgres postgres) {}

    /** The two storage backends. */
    public enum StorageKind {
        EMBEDDED,
        POSTGRES
    }

    /**
     * PostgreSQL connection settings, used when the kind is {@code POSTGRES}; {@code connectTimeout} bounds how
     * long start-up waits for the database to accept a first connection, {@code requestTimeout} how long a
     * request waits for an unreachable database.
     */
    public record Postgres(
            String url, String user, String password, int poolSize, Duration connectTimeout, Duration requestTimeout) {

        private static final Pattern PASSWORD_IN_URL = Pattern.compile("(?i)(password=)[^&;]*|(//[^/:@]*:)[^/@]*@");

        /** {@link #url()} with any password in it masked, for logs and messages. */
        public String maskedUrl() {
            return PASSWORD_IN_URL
                    .matcher(url)
                    .replaceAll(match -> match.group(1) != null
                            ? match.group(1) + "****"
                            : Matcher.quoteReplacement(match.group(2)) + "****@");
        }
    }

    /** Bearer token validation; {@code maxTokenLifetime} bounds how far ahead a token's {@code exp} may lie. */
    public record Auth(
            List<String> audiences,
            Duration clockSkew,
            List<Issuer> issuers,
            long tokenCacheBytes,
            Duration maxTokenLifetime) {
        public Auth {
            audiences = List.copyOf(audiences);
            issuers = List.copyOf(issuers);
        }
    }

    /**
     * A trusted token issuer and where its signing keys are: a JWKS URL or a local JWKS file; {@code tenants}
     * are the only tenants it may issue for (required for an issuer without {@code {tenantid}}, else may be empty).
     */
    public record Issuer(String issuer, String jwksUri, Path jwksFile, List<String> tenants) {
        public Issuer {
            tenants = List.copyOf(tenants);
        }
    }

    /** Directory seeding and strictness; {@code seedDemo} creates the well-known demo tenant when it is missing. */
    public record Directory(Path bootstrapFile, boolean strict, boolean seedDemo) {}

    /** The built-in Entra-like token issuer. */
    public record BuiltInIssuer(
            boolean enabled, Duration tokenLifetime, List<String> delegatedScopes, boolean allowNonLoopback) {
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
    public record Operations(
            Management management,
            AccessLog accessLog,
            Duration shutdownGrace,
            Throttle throttle,
            String otlpEndpoint) {}

    /** The management listener: health, metrics and info, no key. */
    public record Management(String host, int port) {}

    /** The access log's format and, when not null, the file it is appended to instead of standard output. */
    public record AccessLog(AccessLogFormat format, Path file) {}

    /** The access log's line formats. */
    public enum AccessLogFormat {
        JSON,
        TEXT,
        OFF
    }

    /** Graph's throttling limits; {@code syncInterval} is how often nodes share their counts. */
    public record Throttle(
            boolean enabled,
            int appRequests,
            Duration appWindow,
            int tenantRequests,
            Duration tenantWindow,
            int userMeetingsPerMonth,
            Duration syncInterval) {}

    /**
     * The request journal: entries kept per tenant (0: none), tenants kept, about how many bytes in all, and bytes
     * kept of each body.
     */
    public record Journal(int requestsPerTenant, int tenants, long maxBytes, int maxBodyBytes) {}

    /** Meeting-related choices; a null {@code joinBaseUrl} means the server's public URL. */
    public record Meetings(String joinBaseUrl) {}

    /** A copy whose server listens on {@code port}. */
    public GraphmeetConfig withPort(int port) {
        return new GraphmeetConfig(
                server.withPort(port),
                storage,
                auth,
                directory,
                meetings,
                profile,
                issuer,
                admin,
                tls,
                operations,
                journal);
    }

    /** The base of every joinWebUrl. */
    public String joinBaseUrl() {
        return meetings.joinBaseUrl() != null ? meetings.joinBaseUrl() : server.effectivePublicUrl();
    }
}
