package io.graphmeet.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The whole validated configuration, parsed once at start-up by {@link ConfigLoader}. */
public record GraphmeetConfig(Server server, Storage storage, Auth auth, Directory directory, Meetings meetings,
        Profile profile, BuiltInIssuer issuer, Admin admin, Tls tls) {

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

    /**
     * PostgreSQL connection settings, used when the kind is {@code POSTGRES}; {@code connectTimeout} bounds how
     * long start-up waits for the database to accept a first connection.
     */
    public record Postgres(String url, String user, String password, int poolSize, Duration connectTimeout) {

        private static final Pattern PASSWORD_IN_URL =
                Pattern.compile("(?i)(password=)[^&;]*|(//[^/:@]*:)[^/@]*@");

        /** {@link #url()} with any password in it masked, for logs and messages. */
        public String maskedUrl() {
            return PASSWORD_IN_URL.matcher(url).replaceAll(match -> match.group(1) != null
                    ? match.group(1) + "****" : Matcher.quoteReplacement(match.group(2)) + "****@");
        }
    }

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

    /** Meeting-related choices; a null {@code joinBaseUrl} means the server's public URL. */
    public record Meetings(String joinBaseUrl) {}

    /** A copy whose server listens on {@code port}. */
    public GraphmeetConfig withPort(int port) {
        return new GraphmeetConfig(server.withPort(port), storage, auth, directory, meetings, profile, issuer, admin,
                tls);
    }

    /** The base of every joinWebUrl. */
    public String joinBaseUrl() {
        return meetings.joinBaseUrl() != null ? meetings.joinBaseUrl() : server.effectivePublicUrl();
    }
}
