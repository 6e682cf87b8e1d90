package io.graphmeet.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the configuration: defaults, then a YAML file, then {@code GRAPHMEET_*} environment variables,
 * and validates the result, failing with a message that names the setting.
 */
public final class ConfigLoader {

    static final String ISSUERS_KEY = "auth.issuers";
    static final String ISSUERS_VARIABLE = "GRAPHMEET_AUTH_ISSUERS";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Map<Setting, String> values = new EnumMap<>(Setting.class);
    private JsonNode issuers = YAML.createArrayNode();

    private GraphmeetConfig.Profile profile = GraphmeetConfig.Profile.DEVELOPMENT;

    private ConfigLoader() {}

    /** Loads from {@code file} (may be null) and {@code environment}. */
    public static GraphmeetConfig load(Path file, Map<String, String> environment) {
        ConfigLoader loader = new ConfigLoader();
        if (file != null) {
            loader.readFile(file);
        }
        loader.readEnvironment(environment);
        return loader.build();
    }

    private void readFile(Path file) {
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new ConfigException("configuration file " + file + " cannot be read: " + e.getMessage());
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return;
        }
        flatten("", root);
    }

    private void flatten(String prefix, JsonNode node) {
        if (prefix.equals(ISSUERS_KEY)) {
            issuers = node;
            return;
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                var field = it.next();
                flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue());
            }
            return;
        }
        Setting setting = Arrays.stream(Setting.values())
                .filter(s -> s.key().equals(prefix))
                .findFirst()
                .orElseThrow(() -> new ConfigException("unknown setting '" + prefix + "' in the configuration file"));
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(item.asText()));
            values.put(setting, String.join(",", items));
        } else {
            values.put(setting, node.isNull() ? "" : node.asText());
        }
    }

    private void readEnvironment(Map<String, String> environment) {
        for (Setting setting : Setting.values()) {
            String value = environment.get(setting.environmentVariable());
            if (value != null) {
                values.put(setting, value);
            }
        }
        String issuerList = environment.get(ISSUERS_VARIABLE);
        if (issuerList != null) {
            try {
                issuers = YAML.readTree(issuerList);
            } catch (IOException e) {
                throw new ConfigException(ISSUERS_VARIABLE + ": not a YAML list of {issuer, jwksUri|jwksFile}");
            }
        }
    }

    private GraphmeetConfig build() {
        profile = switch (text(Setting.PROFILE, false).toLowerCase(Locale.ROOT)) {
            case "development" -> GraphmeetConfig.Profile.DEVELOPMENT;
            case "production" -> GraphmeetConfig.Profile.PRODUCTION;
            default -> throw invalid(Setting.PROFILE, "must be 'development' or 'production'");
        };
        String host = text(Setting.SERVER_HOST, false);
        int port = integer(Setting.SERVER_PORT, 0, 65535);
        String publicUrl = text(Setting.SERVER_PUBLIC_URL, true);
        publicUrl = publicUrl.isEmpty() ? null : url(Setting.SERVER_PUBLIC_URL, publicUrl);
        var connections = new GraphmeetConfig.Connections(
                positive(Setting.SERVER_READ_TIMEOUT),
                positive(Setting.SERVER_IDLE_TIMEOUT),
                integer(Setting.SERVER_MAX_CONCURRENT_REQUESTS, 1, 1_000_000),
                integer(Setting.SERVER_MAX_CONNECTIONS, 1, 1_000_000));
        var server = new GraphmeetConfig.Server(
                host, port, publicUrl, integer(Setting.SERVER_MAX_BODY_BYTES, 1024, 64 * 1024 * 1024), connections);

        var kind = switch (text(Setting.STORAGE_KIND, false).toLowerCase(Locale.ROOT)) {
            case "embedded" -> GraphmeetConfig.StorageKind.EMBEDDED;
            case "postgres" -> GraphmeetConfig.StorageKind.POSTGRES;
            default -> throw invalid(Setting.STORAGE_KIND, "must be 'embedded' or 'postgres'");
        };
        var postgres = new GraphmeetConfig.Postgres(
                text(Setting.STORAGE_POSTGRES_URL, true),
                text(Setting.STORAGE_POSTGRES_USER, true),
                text(Setting.STORAGE_POSTGRES_PASSWORD, true),
                integer(Setting.STORAGE_POSTGRES_POOL_SIZE, 1, 512),
                duration(Setting.STORAGE_POSTGRES_CONNECT_TIMEOUT),
                duration(Setting.STORAGE_POSTGRES_REQUEST_TIMEOUT));
        if (postgres.requestTimeout().toMillis() < 500
                || postgres.requestTimeout().toMinutes() > 10) {
            throw invalid(
                    Setting.STORAGE_POSTGRES_REQUEST_TIMEOUT,
                    "must be between PT0.5S and PT10M, was " + postgres.requestTimeout());
        }
        if (kind == GraphmeetConfig.StorageKind.POSTGRES && !postgres.url().startsWith("jdbc:postgresql:")) {
            throw invalid(Setting.STORAGE_POSTGRES_URL, "must be a jdbc:postgresql: URL when storage.kind is postgres");
        }
        var storage = new GraphmeetConfig.Storage(kind, Path.of(text(Setting.STORAGE_DATA_DIR, false)), postgres);

        List<String> audiences = Arrays.stream(
                        text(Setting.AUTH_AUDIENCES, false).split(","))
                .map(String::trim)
                .filter(a -> !a.isEmpty())
                .toList();
        Duration maxTokenLifetime = duration(Setting.AUTH_MAX_TOKEN_LIFETIME);
        if (maxTokenLifetime.toMinutes() < 5) {
            throw invalid(Setting.AUTH_MAX_TOKEN_LIFETIME, "must be at least PT5M, was " + maxTokenLifetime);
        }
        var auth = new GraphmeetConfig.Auth(
                audiences,
                duration(Setting.AUTH_CLOCK_SKEW),
                issuers(),
                integer(Setting.AUTH_TOKEN_CACHE_BYTES, 0, Integer.MAX_VALUE),
                maxTokenLifetime);

        String bootstrap = text(Setting.DIRECTORY_BOOTSTRAP_FILE, true);
        Path bootstrapFile = bootstrap.isEmpty() ? null : Path.of(bootstrap);
        if (bootstrapFile != null && Files.isDirectory(bootstrapFile)) {
            throw invalid(Setting.DIRECTORY_BOOTSTRAP_FILE, bootstrapFile + " is a folder; name the YAML file");
        }
        if (bootstrapFile != null && !Files.isReadable(bootstrapFile)) {
            throw invalid(Setting.DIRECTORY_BOOTSTRAP_FILE, "file " + bootstrapFile + " is not readable");
        }
        var directory = new GraphmeetConfig.Directory(
                bootstrapFile, bool(Setting.DIRECTORY_STRICT), bool(Setting.DIRECTORY_SEED_DEMO));

        String joinBase = text(Setting.MEETINGS_JOIN_BASE_URL, true);
        joinBase = joinBase.isEmpty() ? null : url(Setting.MEETINGS_JOIN_BASE_URL, joinBase);
        var issuer = issuer(host);
        String adminKey = text(Setting.ADMIN_KEY, true);
        var admin = new GraphmeetConfig.Admin(
                text(Setting.ADMIN_HOST, false),
                integer(Setting.ADMIN_PORT, 0, 65535),
                adminKey.isEmpty() ? null : adminKey);
        String keystore = text(Setting.TLS_KEYSTORE, true);
        if (!keystore.isEmpty() && !Files.isReadable(Path.of(keystore))) {
            throw invalid(Setting.TLS_KEYSTORE, "file " + keystore + " is not readable");
        }
        var tls = new GraphmeetConfig.Tls(
                integer(Setting.TLS_PORT, 0, 65535),
                keystore.isEmpty() ? null : Path.of(keystore),
                text(Setting.TLS_KEYSTORE_PASSWORD, true));
        return new GraphmeetConfig(
                server,
                storage,
                auth,
                directory,
                new GraphmeetConfig.Meetings(joinBase),
                profile,
                issuer,
                admin,
                tls,
                operations(),
                journal());
    }

    private GraphmeetConfig.Journal journal() {
        return new GraphmeetConfig.Journal(
                integer(Setting.JOURNAL_REQUESTS_PER_TENANT, 0, 1_000_000),
                integer(Setting.JOURNAL_TENANTS, 1, 1_000_000),
                integer(Setting.JOURNAL_MAX_BYTES, 0, Integer.MAX_VALUE),
                integer(Setting.JOURNAL_MAX_BODY_BYTES, 0, 16 * 1024 * 1024));
    }

    private GraphmeetConfig.Operations operations() {
        var management = new GraphmeetConfig.Management(
                text(Setting.MANAGEMENT_HOST, false), integer(Setting.MANAGEMENT_PORT, 0, 65535));
        var format = switch (text(Setting.ACCESS_LOG_FORMAT, false).toLowerCase(Locale.ROOT)) {
            case "json" -> GraphmeetConfig.AccessLogFormat.JSON;
            case "text" -> GraphmeetConfig.AccessLogFormat.TEXT;
            case "off" -> GraphmeetConfig.AccessLogFormat.OFF;
            default -> throw invalid(Setting.ACCESS_LOG_FORMAT, "must be 'json', 'text' or 'off'");
        };
        String file = text(Setting.ACCESS_LOG_FILE, true);
        var throttle = new GraphmeetConfig.Throttle(
                bool(Setting.THROTTLE_ENABLED),
                integer(Setting.THROTTLE_APP_REQUESTS, 1, Integer.MAX_VALUE),
                window(Setting.THROTTLE_APP_WINDOW),
                integer(Setting.THROTTLE_TENANT_REQUESTS, 1, Integer.MAX_VALUE),
                window(Setting.THROTTLE_TENANT_WINDOW),
                integer(Setting.THROTTLE_USER_MEETINGS_PER_MONTH, 1, Integer.MAX_VALUE),
                window(Setting.THROTTLE_SYNC_INTERVAL));
        String otlp = text(Setting.TRACING_OTLP_ENDPOINT, true);
        return new GraphmeetConfig.Operations(
                management,
                new GraphmeetConfig.AccessLog(format, file.isEmpty() ? null : Path.of(file)),
                duration(Setting.SERVER_SHUTDOWN_GRACE),
                throttle,
                otlp.isEmpty() ? null : url(Setting.TRACING_OTLP_ENDPOINT, otlp));
    }

    private Duration window(Setting setting) {
        Duration window = duration(setting);
        if (window.toMillis() < 10 || window.toHours() > 24) {
            throw invalid(setting, "must be between PT0.01S and PT24H, was " + window);
        }
        return window;
    }

    private GraphmeetConfig.BuiltInIssuer issuer(String serverHost) {
        List<String> scopes = Arrays.stream(
                        text(Setting.ISSUER_DELEGATED_SCOPES, true).split(","))
                .map(String::trim)
                .filter(scope -> !scope.isEmpty())
                .toList();
        Duration lifetime = duration(Setting.ISSUER_TOKEN_LIFETIME);
        if (lifetime.toSeconds() < 60 || lifetime.toHours() > 24) {
            throw invalid(Setting.ISSUER_TOKEN_LIFETIME, "must be between PT1M and PT24H, was " + lifetime);
        }
        var issuer = new GraphmeetConfig.BuiltInIssuer(
                bool(Setting.ISSUER_ENABLED), lifetime, scopes, bool(Setting.ISSUER_ALLOW_NON_LOOPBACK));
        if (issuer.enabled() && !issuer.allowNonLoopback() && !isLoopback(serverHost)) {
            throw invalid(
                    Setting.ISSUER_ALLOW_NON_LOOPBACK,
                    "the built-in token issuer (issuer.enabled) refuses to "
                            + "listen on server.host " + serverHost
                            + ", which is not a loopback address: its well-known "
                            + "demo credentials would mint tokens for anyone who can reach it. Use a loopback server.host, "
                            + "turn the issuer off (issuer.enabled=false or profile=production), or set "
                            + "issuer.allowNonLoopback=true");
        }
        return issuer;
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private List<GraphmeetConfig.Issuer> issuers() {
        if (!issuers.isArray()) {
            throw new ConfigException(ISSUERS_KEY + ": must be a list of {issuer, jwksUri | jwksFile}");
        }
        List<GraphmeetConfig.Issuer> result = new ArrayList<>();
        for (int i = 0; i < issuers.size(); i++) {
            JsonNode entry = issuers.get(i);
            String where = ISSUERS_KEY + "[" + i + "]";
            String issuer = entry.path("issuer").asText("");
            String jwksUri = entry.path("jwksUri").asText("");
            String jwksFile = entry.path("jwksFile").asText("");
            if (issuer.isEmpty()) {
                throw new ConfigException(where + ".issuer: is required");
            }
            if (jwksUri.isEmpty() == jwksFile.isEmpty()) {
                throw new ConfigException(where + ": give exactly one of jwksUri and jwksFile");
            }
            if (!jwksUri.isEmpty() && !(jwksUri.startsWith("http://") || jwksUri.startsWith("https://"))) {
                throw new ConfigException(where + ".jwksUri: must be an http(s) URL, was '" + jwksUri + "'");
            }
            result.add(new GraphmeetConfig.Issuer(
                    issuer,
                    jwksUri.isEmpty() ? null : jwksUri,
                    jwksFile.isEmpty() ? null : Path.of(jwksFile),
                    issuerTenants(entry, where, issuer)));
        }
        return result;
    }

    /** An issuer's {@code tenants}: GUIDs, required when its {@code issuer} has no {@code {tenantid}}. */
    private static List<String> issuerTenants(JsonNode entry, String where, String issuer) {
        JsonNode tenants = entry.path("tenants");
        List<String> result = new ArrayList<>();
        if (tenants.isArray()) {
            tenants.forEach(tenant -> result.add(tenant.asText("").trim().toLowerCase(Locale.ROOT)));
        } else if (!tenants.isMissingNode()) {
            throw new ConfigException(where + ".tenants: must be a list of tenant ids");
        }
        for (String tenant : result) {
            if (!tenant.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
                throw new ConfigException(where + ".tenants: '" + tenant + "' is not a tenant id (a GUID)");
            }
        }
        if (result.isEmpty() && !issuer.contains("{tenantid}")) {
            throw new ConfigException(where + ".tenants: the issuer " + issuer + " has no {tenantid}, so it must "
                    + "list the tenants it may issue tokens for (otherwise its tokens could claim any tenant)");
        }
        return result;
    }

    /** The value given in the file or environment, else the default of the profile. */
    private String text(Setting setting, boolean mayBeEmpty) {
        String given = values.get(setting);
        String value = (given != null
                        ? given
                        : profile == GraphmeetConfig.Profile.PRODUCTION
                                ? setting.productionDefault()
                                : setting.defaultValue())
                .trim();
        if (value.isEmpty() && !mayBeEmpty) {
            throw invalid(setting, "must not be empty");
        }
        return value;
    }

    private int integer(Setting setting, int min, int max) {
        String value = text(setting, false);
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < min || parsed > max) {
                throw invalid(setting, "must be between " + min + " and " + max + ", was " + parsed);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw invalid(setting, "must be a whole number, was '" + value + "'");
        }
    }

    private boolean bool(Setting setting) {
        String value = text(setting, false).toLowerCase(Locale.ROOT);
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(setting, "must be true or false, was '" + value + "'");
        };
    }

    private Duration duration(Setting setting) {
        String value = text(setting, false);
        try {
            Duration parsed = Duration.parse(value);
            if (parsed.isNegative()) {
                throw invalid(setting, "must not be negative");
            }
            return parsed;
        } catch (DateTimeParseException e) {
            throw invalid(setting, "must be an ISO-8601 duration such as PT1M, was '" + value + "'");
        }
    }

    private Duration positive(Setting setting) {
        Duration value = duration(setting);
        if (value.toMillis() < 100) {
            throw invalid(setting, "must be at least PT0.1S, was " + value);
        }
        return value;
    }

    private static String url(Setting setting, String value) {
        try {
            URI uri = URI.create(value);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw invalid(setting, "must be an absolute http(s) URL, was '" + value + "'");
            }
        } catch (IllegalArgumentException e) {
            throw invalid(setting, "must be an absolute http(s) URL, was '" + value + "'");
        }
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }

    private static ConfigException invalid(Setting setting, String problem) {
        return new ConfigException(setting.key() + " (" + setting.environmentVariable() + "): " + problem);
    }
}
