package io.graphmeet.config;

import java.util.Locale;

/**
 * The settings catalogue: every scalar setting, with its default and meaning. {@code --help}, the logged
 * effective configuration and the README's configuration table all follow it. A few defaults differ in the
 * production profile: those settings name both.
 */
enum Setting {
    PROFILE(
            "profile",
            "development",
            "development or production. Production turns the built-in issuer and the "
                    + "demo directory off, and serves the admin API only when admin.key is set."),
    SERVER_HOST("server.host", "127.0.0.1", "Address the Graph API listens on."),
    SERVER_PORT("server.port", "8080", "Port the Graph API listens on (0 picks a free one)."),
    SERVER_PUBLIC_URL("server.publicUrl", "", "Base URL clients use; defaults to http://{host}:{port}."),
    SERVER_MAX_BODY_BYTES("server.maxBodyBytes", "65536", "Largest request body accepted; larger gets 413."),
    SERVER_READ_TIMEOUT(
            "server.readTimeout",
            "PT30S",
            "Time a client has to send a request's headers and body, "
                    + "from its first byte; slower clients get 408 and are disconnected (ISO-8601)."),
    SERVER_IDLE_TIMEOUT(
            "server.idleTimeout",
            "PT60S",
            "A kept-alive connection without a request is closed after this long (ISO-8601)."),
    SERVER_MAX_CONCURRENT_REQUESTS(
            "server.maxConcurrentRequests",
            "1024",
            "Requests served at once per listener; past it a request gets 503 with Retry-After."),
    SERVER_MAX_CONNECTIONS(
            "server.maxConnections",
            "4096",
            "Open connections per listener; past it new connections wait to be accepted."),
    STORAGE_KIND("storage.kind", "embedded", "embedded (SQLite file) or postgres."),
    STORAGE_DATA_DIR(
            "storage.dataDir",
            "data",
            "Folder of the embedded database file; made owner-only (0700, its "
                    + "database files 0600), so give graphmeet a folder of its own."),
    STORAGE_POSTGRES_URL("storage.postgres.url", "", "JDBC URL of PostgreSQL, required when kind is postgres."),
    STORAGE_POSTGRES_USER("storage.postgres.user", "", "PostgreSQL user."),
    STORAGE_POSTGRES_PASSWORD("storage.postgres.password", "", "PostgreSQL password (masked in logs)."),
    STORAGE_POSTGRES_POOL_SIZE("storage.postgres.poolSize", "16", "Connections per node."),
    STORAGE_POSTGRES_CONNECT_TIMEOUT(
            "storage.postgres.connectTimeout",
            "PT30S",
            "How long start-up keeps retrying "
                    + "the first connection to PostgreSQL, with growing waits, before it gives up (ISO-8601)."),
    STORAGE_POSTGRES_REQUEST_TIMEOUT(
            "storage.postgres.requestTimeout",
            "PT2S",
            "Longest a request waits for "
                    + "an unreachable PostgreSQL (a connection, a read, a commit) before it answers 503 with Retry-After "
                    + "(ISO-8601)."),
    AUTH_AUDIENCES(
            "auth.audiences",
            "https://graph.microsoft.com,00000003-0000-0000-c000-000000000000",
            "Accepted aud values, comma-separated."),
    AUTH_CLOCK_SKEW("auth.clockSkew", "PT1M", "Tolerance on exp and nbf (ISO-8601 duration)."),
    AUTH_TOKEN_CACHE_BYTES(
            "auth.tokenCacheBytes",
            "16777216",
            "Memory for verified tokens, remembered until they expire (bytes, about 4 KB per token)."),
    AUTH_MAX_TOKEN_LIFETIME(
            "auth.maxTokenLifetime",
            "PT24H",
            "Tokens whose exp lies further ahead are refused: Entra issues none longer (ISO-8601 duration)."),
    DIRECTORY_BOOTSTRAP_FILE(
            "directory.bootstrapFile", "", "YAML file of tenants, users, policies and grants applied at start-up."),
    DIRECTORY_STRICT("directory.strict", "false", "When true, only known users may own meetings (others get 404)."),
    DIRECTORY_SEED_DEMO(
            "directory.seedDemo",
            "true",
            "false",
            "Create the well-known demo tenant, app, user and policy when the demo tenant is missing."),
    MEETINGS_JOIN_BASE_URL("meetings.joinBaseUrl", "", "Base of joinWebUrl; defaults to server.publicUrl."),
    ISSUER_ENABLED(
            "issuer.enabled",
            "true",
            "false",
            "Serve the built-in Entra-like token issuer on the Graph "
                    + "port(s) and trust its tokens. For development and tests only: its private keys live in the database."),
    ISSUER_TOKEN_LIFETIME("issuer.tokenLifetime", "PT1H", "Lifetime of the built-in issuer's tokens (ISO-8601)."),
    ISSUER_DELEGATED_SCOPES(
            "issuer.delegatedScopes",
            "OnlineMeetings.ReadWrite,OnlineMeetings.Read,User.Read",
            "Delegated scopes any user may be given by the password grant, comma-separated."),
    ISSUER_ALLOW_NON_LOOPBACK(
            "issuer.allowNonLoopback",
            "false",
            "Let the built-in issuer run while server.host is "
                    + "not a loopback address; its well-known demo credentials would then mint tokens for anyone."),
    ADMIN_HOST("admin.host", "127.0.0.1", "Address the admin API listens on."),
    ADMIN_PORT("admin.port", "8081", "Port the admin API listens on (0 picks a free one)."),
    ADMIN_KEY(
            "admin.key",
            "",
            "Bearer key of the admin API (masked in logs). Unset in development: a random key "
                    + "is kept in {storage.dataDir}/admin.key. Unset in production: no admin API."),
    TLS_PORT("tls.port", "8443", "Port of the HTTPS listener, when tls.keystore is set (0 picks a free one)."),
    TLS_KEYSTORE(
            "tls.keystore",
            "",
            "PKCS#12 file with the HTTPS certificate and key; when set, the Graph API and "
                    + "the issuer are also served over HTTPS on tls.port (azure-identity insists on an https authority)."),
    TLS_KEYSTORE_PASSWORD("tls.keystorePassword", "", "Password of tls.keystore (masked in logs)."),
    SERVER_SHUTDOWN_GRACE(
            "server.shutdownGrace",
            "PT10S",
            "On SIGTERM, how long requests in flight may take to "
                    + "finish after the listeners stop accepting (ISO-8601)."),
    MANAGEMENT_HOST("management.host", "127.0.0.1", "Address of the management listener: health, metrics, info."),
    MANAGEMENT_PORT("management.port", "8082", "Port of the management listener (0 picks a free one)."),
    ACCESS_LOG_FORMAT("accessLog.format", "text", "json", "One line per Graph request: json, text or off."),
    ACCESS_LOG_FILE("accessLog.file", "", "File the access log is appended to; empty means standard output."),
    TRACING_OTLP_ENDPOINT(
            "tracing.otlpEndpoint",
            "",
            "OTLP/HTTP traces endpoint (e.g. "
                    + "http://collector:4318/v1/traces) that receives one span per Graph request; empty exports nothing."),
    THROTTLE_ENABLED(
            "throttle.enabled",
            "false",
            "true",
            "Emulate Graph's throttling: 429 TooManyRequests with Retry-After past the limits below."),
    THROTTLE_APP_REQUESTS(
            "throttle.appRequests",
            "130000",
            "Requests per app across all tenants per throttle.appWindow (Graph's global limit)."),
    THROTTLE_APP_WINDOW("throttle.appWindow", "PT10S", "Window of throttle.appRequests (ISO-8601)."),
    THROTTLE_TENANT_REQUESTS(
            "throttle.tenantRequests",
            "50000",
            "Requests per app per tenant per throttle.tenantWindow (Graph's cloud communications limit)."),
    THROTTLE_TENANT_WINDOW("throttle.tenantWindow", "PT15S", "Window of throttle.tenantRequests (ISO-8601)."),
    THROTTLE_USER_MEETINGS_PER_MONTH(
            "throttle.userMeetingsPerMonth",
            "2000",
            "Meetings one user may have created per calendar month (UTC), Graph's meeting information limit."),
    THROTTLE_SYNC_INTERVAL(
            "throttle.syncInterval",
            "PT0.2S",
            "How often a node adds its counts to the shared "
                    + "ones in the database and reads the others' (ISO-8601); the error bound of the limits."),
    JOURNAL_REQUESTS_PER_TENANT(
            "journal.requestsPerTenant",
            "500",
            "0",
            "Graph requests the request journal keeps "
                    + "per tenant, in memory on each node, for the admin API's /requests (0 turns the journal off)."),
    JOURNAL_TENANTS(
            "journal.tenants",
            "100",
            "Tenants whose requests the journal keeps; past it, the least "
                    + "recently used tenant's entries are dropped."),
    JOURNAL_MAX_BYTES(
            "journal.maxBytes",
            "67108864",
            "About how much memory the journal's entries may take in "
                    + "all (bytes); past it, the least recently used tenant's entries are dropped."),
    JOURNAL_MAX_BODY_BYTES(
            "journal.maxBodyBytes",
            "16384",
            "Bytes kept of each journaled request and response "
                    + "body; a longer body is kept truncated, with a marker.");

    private final String key;
    private final String defaultValue;
    private final String productionDefault;
    private final String description;

    Setting(String key, String defaultValue, String description) {
        this(key, defaultValue, defaultValue, description);
    }

    Setting(String key, String defaultValue, String productionDefault, String description) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.productionDefault = productionDefault;
        this.description = description;
    }

    String key() {
        return key;
    }

    String defaultValue() {
        return defaultValue;
    }

    /** The default in the production profile; most settings have one default for both. */
    String productionDefault() {
        return productionDefault;
    }

    String description() {
        return description;
    }

    /** {@code server.publicUrl} is overridden by {@code GRAPHMEET_SERVER_PUBLIC_URL}. */
    String environmentVariable() {
        return "GRAPHMEET_"
                + key.replaceAll("([a-z])([A-Z])", "$1_$2").replace('.', '_').toUpperCase(Locale.ROOT);
    }

    boolean secret() {
        return this == STORAGE_POSTGRES_PASSWORD || this == ADMIN_KEY || this == TLS_KEYSTORE_PASSWORD;
    }
}
