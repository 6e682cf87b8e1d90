package io.graphmeet.config;

import java.util.Locale;

/** Every scalar setting, with its default and meaning; the README's configuration table mirrors this. */
enum Setting {
    SERVER_HOST("server.host", "127.0.0.1", "Address the Graph API listens on."),
    SERVER_PORT("server.port", "8080", "Port the Graph API listens on (0 picks a free one)."),
    SERVER_PUBLIC_URL("server.publicUrl", "", "Base URL clients use; defaults to http://{host}:{port}."),
    SERVER_MAX_BODY_BYTES("server.maxBodyBytes", "65536", "Largest request body accepted; larger gets 413."),
    STORAGE_KIND("storage.kind", "embedded", "embedded (SQLite file) or postgres."),
    STORAGE_DATA_DIR("storage.dataDir", "data", "Folder of the embedded database file."),
    STORAGE_POSTGRES_URL("storage.postgres.url", "", "JDBC URL of PostgreSQL, required when kind is postgres."),
    STORAGE_POSTGRES_USER("storage.postgres.user", "", "PostgreSQL user."),
    STORAGE_POSTGRES_PASSWORD("storage.postgres.password", "", "PostgreSQL password (masked in logs)."),
    STORAGE_POSTGRES_POOL_SIZE("storage.postgres.poolSize", "16", "Connections per node."),
    AUTH_AUDIENCES("auth.audiences", "https://graph.microsoft.com,00000003-0000-0000-c000-000000000000",
            "Accepted aud values, comma-separated."),
    AUTH_CLOCK_SKEW("auth.clockSkew", "PT1M", "Tolerance on exp and nbf (ISO-8601 duration)."),
    AUTH_TOKEN_CACHE_SIZE("auth.tokenCacheSize", "100000", "Verified tokens remembered until they expire."),
    DIRECTORY_BOOTSTRAP_FILE("directory.bootstrapFile", "", "YAML file of tenants, users, policies and grants applied at start-up."),
    DIRECTORY_STRICT("directory.strict", "false", "When true, only known users may own meetings (others get 404)."),
    MEETINGS_JOIN_BASE_URL("meetings.joinBaseUrl", "", "Base of joinWebUrl; defaults to server.publicUrl.");

    private final String key;
    private final String defaultValue;
    private final String description;

    Setting(String key, String defaultValue, String description) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    String key() {
        return key;
    }

    String defaultValue() {
        return defaultValue;
    }

    String description() {
        return description;
    }

    /** {@code server.publicUrl} is overridden by {@code GRAPHMEET_SERVER_PUBLIC_URL}. */
    String environmentVariable() {
        return "GRAPHMEET_" + key.replaceAll("([a-z])([A-Z])", "$1_$2").replace('.', '_').toUpperCase(Locale.ROOT);
    }

    boolean secret() {
        return this == STORAGE_POSTGRES_PASSWORD;
    }
}
