package io.graphmeet.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the settings catalogue tells people: the reference printed by {@code --help}, the effective
 * configuration logged at start (every setting, secrets masked), and warnings about a configuration that loads
 * but is probably not what was meant.
 */
public final class ConfigReport {

    private static final String MASK = "****";
    private static final String INDENT = "      ";
    private static final int WIDTH = 100;
    private static final String CONFIG_VARIABLE = "GRAPHMEET_CONFIG";
    /** Variables of the same prefix read by the bin/ scripts and graphmeet-cli rather than by the server. */
    private static final Set<String> NOT_SERVER_SETTINGS = Set.of(
            "GRAPHMEET_JAVA_OPTS",
            "GRAPHMEET_CLI_JAVA_OPTS",
            "GRAPHMEET_ADMIN_URL",
            "GRAPHMEET_SERVER_URL",
            "GRAPHMEET_TENANT");

    private ConfigReport() {}

    /** Every setting with its environment variable, default(s) and meaning, for {@code --help}. */
    public static String reference() {
        StringJoiner text = new StringJoiner("\n");
        text.add("Settings (YAML file key / environment variable; the environment wins over the file):");
        for (Setting setting : Setting.values()) {
            String defaults = setting.defaultValue().equals(setting.productionDefault())
                    ? shown(setting.defaultValue())
                    : shown(setting.defaultValue()) + " (production: " + shown(setting.productionDefault()) + ")";
            text.add("  " + setting.key() + " / " + setting.environmentVariable() + "  [default " + defaults + "]");
            text.add(wrapped(setting.description()));
        }
        text.add("  " + ConfigLoader.ISSUERS_KEY + " / " + ConfigLoader.ISSUERS_VARIABLE + "  [default none]");
        text.add(wrapped("Trusted external token issuers, a YAML list of {issuer, jwksUri | jwksFile, tenants}; "
                + "{tenantid} in issuer must equal the token's tid; tenants (GUIDs) limits the tids an issuer may "
                + "claim and is required for an issuer without {tenantid}."));
        text.add("The configuration file itself: --config FILE or " + CONFIG_VARIABLE + ".");
        return text.toString();
    }

    /** The effective configuration as {@code key=value} lines, one per setting, secrets masked. */
    public static String describe(GraphmeetConfig config) {
        StringJoiner lines = new StringJoiner("\n");
        for (Setting setting : Setting.values()) {
            String value = value(setting, config);
            lines.add(setting.key() + "=" + (setting.secret() && !value.isEmpty() ? MASK : value));
        }
        lines.add(ConfigLoader.ISSUERS_KEY + "="
                + config.auth().issuers().stream()
                        .map(issuer -> issuer.issuer() + " keys="
                                + (issuer.jwksFile() != null ? issuer.jwksFile() : issuer.jwksUri())
                                + (issuer.tenants().isEmpty() ? "" : " tenants=" + String.join(",", issuer.tenants())))
                        .collect(Collectors.joining(", ", "[", "]")));
        return lines.toString();
    }

    /**
     * Warnings about a configuration that loaded: {@code GRAPHMEET_*} variables that name no setting (with the
     * closest one), and no trusted token issuer at all, so that every Graph call would be refused.
     */
    public static List<String> warnings(GraphmeetConfig config, Map<String, String> environment) {
        List<String> warnings = new ArrayList<>();
        List<String> known = Stream.concat(
                        Arrays.stream(Setting.values()).map(Setting::environmentVariable),
                        Stream.of(ConfigLoader.ISSUERS_VARIABLE, CONFIG_VARIABLE))
                .toList();
        environment.keySet().stream()
                .filter(name -> name.startsWith("GRAPHMEET_"))
                .filter(name -> !known.contains(name) && !NOT_SERVER_SETTINGS.contains(name))
                .sorted()
                .forEach(name -> warnings.add("the environment variable " + name + " names no setting and is ignored; "
                        + "did you mean " + closest(name, known) + "? (--help lists every setting)"));
        if (config.auth().issuers().isEmpty() && !config.issuer().enabled()) {
            warnings.add("no token issuer is trusted (auth.issuers is empty and issuer.enabled is false"
                    + (config.profile() == GraphmeetConfig.Profile.PRODUCTION ? " in the production profile" : "")
                    + "): every Graph call will be refused with 401. Set auth.issuers (GRAPHMEET_AUTH_ISSUERS).");
        }
        return warnings;
    }

    /** The effective value of one setting; the switch covers the whole catalogue, so none can be left out. */
    private static String value(Setting setting, GraphmeetConfig config) {
        Object value = switch (setting) {
            case PROFILE -> config.profile();
            case SERVER_HOST -> config.server().host();
            case SERVER_PORT -> config.server().port();
            case SERVER_PUBLIC_URL -> config.server().effectivePublicUrl();
            case SERVER_MAX_BODY_BYTES -> config.server().maxBodyBytes();
            case SERVER_READ_TIMEOUT -> config.server().connections().readTimeout();
            case SERVER_IDLE_TIMEOUT -> config.server().connections().idleTimeout();
            case SERVER_MAX_CONCURRENT_REQUESTS -> config.server().connections().maxConcurrentRequests();
            case SERVER_MAX_CONNECTIONS -> config.server().connections().maxConnections();
            case STORAGE_KIND -> config.storage().kind();
            case STORAGE_DATA_DIR -> config.storage().dataDir();
            case STORAGE_POSTGRES_URL -> config.storage().postgres().maskedUrl();
            case STORAGE_POSTGRES_USER -> config.storage().postgres().user();
            case STORAGE_POSTGRES_PASSWORD -> config.storage().postgres().password();
            case STORAGE_POSTGRES_POOL_SIZE -> config.storage().postgres().poolSize();
            case STORAGE_POSTGRES_CONNECT_TIMEOUT -> config.storage().postgres().connectTimeout();
            case STORAGE_POSTGRES_REQUEST_TIMEOUT -> config.storage().postgres().requestTimeout();
            case AUTH_AUDIENCES -> String.join(",", config.auth().audiences());
            case AUTH_CLOCK_SKEW -> config.auth().clockSkew();
            case AUTH_TOKEN_CACHE_BYTES -> config.auth().tokenCacheBytes();
            case AUTH_MAX_TOKEN_LIFETIME -> config.auth().maxTokenLifetime();
            case DIRECTORY_BOOTSTRAP_FILE -> config.directory().bootstrapFile();
            case DIRECTORY_STRICT -> config.directory().strict();
            case DIRECTORY_SEED_DEMO -> config.directory().seedDemo();
            case MEETINGS_JOIN_BASE_URL -> config.joinBaseUrl();
            case ISSUER_ENABLED -> config.issuer().enabled();
            case ISSUER_TOKEN_LIFETIME -> config.issuer().tokenLifetime();
            case ISSUER_DELEGATED_SCOPES -> String.join(",", config.issuer().delegatedScopes());
            case ISSUER_ALLOW_NON_LOOPBACK -> config.issuer().allowNonLoopback();
            case ADMIN_HOST -> config.admin().host();
            case ADMIN_PORT -> config.admin().port();
            case ADMIN_KEY -> config.admin().key();
            case TLS_PORT -> config.tls().port();
            case TLS_KEYSTORE -> config.tls().keystore();
            case TLS_KEYSTORE_PASSWORD -> config.tls().keystorePassword();
            case SERVER_SHUTDOWN_GRACE -> config.operations().shutdownGrace();
            case MANAGEMENT_HOST -> config.operations().management().host();
            case MANAGEMENT_PORT -> config.operations().management().port();
            case ACCESS_LOG_FORMAT -> config.operations().accessLog().format();
            case ACCESS_LOG_FILE -> config.operations().accessLog().file();
            case TRACING_OTLP_ENDPOINT -> config.operations().otlpEndpoint();
            case THROTTLE_ENABLED -> config.operations().throttle().enabled();
            case THROTTLE_APP_REQUESTS -> config.operations().throttle().appRequests();
            case THROTTLE_APP_WINDOW -> config.operations().throttle().appWindow();
            case THROTTLE_TENANT_REQUESTS -> config.operations().throttle().tenantRequests();
            case THROTTLE_TENANT_WINDOW -> config.operations().throttle().tenantWindow();
            case THROTTLE_USER_MEETINGS_PER_MONTH ->
                config.operations().throttle().userMeetingsPerMonth();
            case THROTTLE_SYNC_INTERVAL -> config.operations().throttle().syncInterval();
            case JOURNAL_REQUESTS_PER_TENANT -> config.journal().requestsPerTenant();
            case JOURNAL_TENANTS -> config.journal().tenants();
            case JOURNAL_MAX_BYTES -> config.journal().maxBytes();
            case JOURNAL_MAX_BODY_BYTES -> config.journal().maxBodyBytes();
        };
        if (value == null) {
            return "";
        }
        return value instanceof Enum<?> constant ? constant.name().toLowerCase(Locale.ROOT) : value.toString();
    }

    /** {@code text} indented by six spaces, in lines of at most 100 characters. */
    private static String wrapped(String text) {
        StringJoiner lines = new StringJoiner("\n");
        StringBuilder line = new StringBuilder(INDENT);
        for (String word : text.split(" ")) {
            if (line.length() > INDENT.length() && line.length() + 1 + word.length() > WIDTH) {
                lines.add(line);
                line = new StringBuilder(INDENT);
            }
            line.append(line.length() > INDENT.length() ? " " : "").append(word);
        }
        return lines.add(line).toString();
    }

    private static String shown(String defaultValue) {
        return defaultValue.isEmpty() ? "none" : defaultValue;
    }

    private static String closest(String name, List<String> candidates) {
        return candidates.stream()
                .min(Comparator.comparingInt(candidate -> distance(name, candidate)))
                .orElseThrow();
    }

    /** Levenshtein distance: the fewest single-character edits that turn one name into the other. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
