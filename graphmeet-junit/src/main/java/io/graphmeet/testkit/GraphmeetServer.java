package io.graphmeet.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.graphmeet.Graphmeet;
import io.graphmeet.config.ConfigLoader;
import io.graphmeet.meetings.RandomMeetingIdentifiers;
import io.graphmeet.testkit.admin.AdminClient;
import io.graphmeet.testkit.faults.Faults;
import io.graphmeet.testkit.journal.Journal;
import io.graphmeet.testkit.journal.JournalEntry;
import io.graphmeet.testkit.journal.RequestPattern;
import io.graphmeet.testkit.journal.Verification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * A real graphmeet running inside the test JVM: free ports on the loopback address, the embedded database in a
 * temporary folder deleted at {@link #close}, the built-in issuer on, the admin API on with a generated key, no
 * demo tenant and no access log. Works with any test framework:
 *
 * <pre>{@code
 * try (GraphmeetServer graphmeet = GraphmeetServer.start()) {
 *     TestTenant tenant = graphmeet.newTenant();
 *     // call graphmeet.baseUrl() + "/v1.0/users/" + tenant.userId() + "/onlineMeetings/createOrGet"
 *     // with "Bearer " + tenant.appToken().token()
 *     graphmeet.verify(createOrGet().forUser(tenant.userId())).calledTimes(1);
 * }
 * }</pre>
 */
public final class GraphmeetServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(GraphmeetServer.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String POLICY = "graphmeet-test";
    private static final String GRAPH_DEFAULT_SCOPE = "https://graph.microsoft.com/.default";
    private static final AtomicInteger STARTS = new AtomicInteger();

    private final Graphmeet graphmeet;
    private final Path folder;
    private final Duration startup;
    private final int startInJvm;
    private final HttpClient http = HttpClient.newHttpClient();
    private final AdminClient admin;
    private final List<String> tenants = new CopyOnWriteArrayList<>();
    private final Journal journal;
    private final Faults faults;

    private GraphmeetServer(Graphmeet graphmeet, Path folder, Duration startup) {
        this.graphmeet = graphmeet;
        this.folder = folder;
        this.startup = startup;
        this.startInJvm = STARTS.incrementAndGet();
        this.admin = new AdminClient(
                graphmeet.adminUrl().orElseThrow(),
                graphmeet.adminKey().orElseThrow().value());
        this.journal = new Journal(admin, () -> List.copyOf(tenants));
        this.faults = new Faults(admin);
    }

    /** Starts a graphmeet with the test defaults. */
    public static GraphmeetServer start() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The Graph API's base URL, e.g. {@code http://127.0.0.1:41234}; Graph's paths follow ({@code /v1.0/...}). */
    public String baseUrl() {
        return graphmeet.baseUrl();
    }

    /** Which start in this JVM this was: 1 for the first, which also loads graphmeet's classes. */
    public int startInJvm() {
        return startInJvm;
    }

    /** The admin API, holding the generated admin key. */
    public AdminClient admin() {
        return admin;
    }

    /** The management listener's base URL (health, metrics, info under {@code /observe}). */
    public String managementUrl() {
        return graphmeet.managementUrl();
    }

    /** How long {@link Builder#start} took, from its call to a serving graphmeet. */
    public Duration startup() {
        return startup;
    }

    /**
     * Provisions a fresh tenant through the admin API: a user with a random password, an application holding
     * {@code OnlineMeetings.ReadWrite.All} with a client secret, and the access policy {@code graphmeet-test}
     * listing it, granted tenant-wide. Its tokens are fetched on first use.
     */
    public TestTenant newTenant() {
        String tenantId = UUID.randomUUID().toString();
        String tag = tenantId.substring(0, 8);
        admin.post("/admin/v1/tenants", Map.of("id", tenantId, "displayName", "test tenant " + tag));
        tenants.add(tenantId);
        String tenantPath = "/admin/v1/tenants/" + tenantId;
        String userId = UUID.randomUUID().toString();
        String upn = "user@t" + tag + ".graphmeet.test";
        String password = randomSecret();
        admin.post(
                tenantPath + "/users",
                Map.of(
                        "id",
                        userId,
                        "userPrincipalName",
                        upn,
                        "displayName",
                        "Test User " + tag,
                        "password",
                        password));
        String appId = UUID.randomUUID().toString();
        String secret = admin.post(
                        tenantPath + "/apps",
                        Map.of(
                                "appId",
                                appId,
                                "displayName",
                                "test app " + tag,
                                "permissions",
                                List.of(TestTenant.APP_PERMISSION)))
                .path("secretText")
                .asText();
        admin.post(tenantPath + "/policies", Map.of("identity", POLICY, "appIds", List.of(appId)));
        admin.put(tenantPath + "/grants/global", Map.of("policy", POLICY));
        Clock clock = Clock.systemUTC();
        TokenSource appToken = new TokenSource(
                http,
                baseUrl(),
                tenantId,
                Map.of(
                        "grant_type",
                        "client_credentials",
                        "client_id",
                        appId,
                        "client_secret",
                        secret,
                        "scope",
                        GRAPH_DEFAULT_SCOPE),
                clock);
        TokenSource userToken = new TokenSource(
                http,
                baseUrl(),
                tenantId,
                Map.of(
                        "grant_type",
                        "password",
                        "client_id",
                        appId,
                        "client_secret",
                        secret,
                        "username",
                        upn,
                        "password",
                        password,
                        "scope",
                        TestTenant.USER_SCOPES),
                clock);
        return new TestTenant(tenantId, userId, upn, password, appId, secret, POLICY, appToken, userToken);
    }

    /** A verification of the journaled requests {@code pattern} matches: {@code verify(p).calledTimes(1)}. */
    public Verification verify(RequestPattern pattern) {
        return journal.verify(pattern);
    }

    /** The request journal of {@code tenant}, oldest first. */
    public List<JournalEntry> requests(TestTenant tenant) {
        return journal.entries(tenant.tenantId());
    }

    /** The request journal, for reading or clearing. */
    public Journal journal() {
        return journal;
    }

    /** The scripted fault rules. */
    public Faults faults() {
        return faults;
    }

    /** The temporary folder of the database and the configuration, deleted at {@link #close}. */
    Path folder() {
        return folder;
    }

    /** Stops graphmeet and deletes its temporary folder. */
    @Override
    public void close() {
        try {
            graphmeet.close();
        } finally {
            deleteFolder(folder);
        }
    }

    private static String randomSecret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static void deleteFolder(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            LOG.warning("could not delete graphmeet's temporary folder " + folder + ": " + e.getMessage());
        }
    }

    /** What differs from the test defaults. */
    public static final class Builder {

        private final Map<String, String> settings = new LinkedHashMap<>();

        private Builder() {
            settings.put("server.host", "127.0.0.1");
            settings.put("server.port", "0");
            settings.put("admin.port", "0");
            settings.put("management.port", "0");
            settings.put("storage.kind", "embedded");
            settings.put("directory.seedDemo", "false");
            settings.put("accessLog.format", "off");
            settings.put("server.shutdownGrace", "PT1S");
        }

        /**
         * Any setting of docs/ and {@code graphmeet --help} by its key, e.g. {@code setting("issuer.tokenLifetime",
         * "PT5M")} or {@code setting("throttle.enabled", "true")}. The environment's {@code GRAPHMEET_*} variables
         * are not read: a test's graphmeet is the same on every machine.
         */
        public Builder setting(String key, String value) {
            settings.put(key, value);
            return this;
        }

        /** Starts graphmeet; fails with graphmeet's own message if it cannot. */
        public GraphmeetServer start() {
            long started = System.nanoTime();
            Path folder;
            try {
                folder = Files.createTempDirectory("graphmeet-test");
            } catch (IOException e) {
                throw new UncheckedIOException("no temporary folder for graphmeet", e);
            }
            try {
                Map<String, String> effective = new LinkedHashMap<>(settings);
                effective.putIfAbsent("storage.dataDir", folder.resolve("data").toString());
                effective.putIfAbsent("admin.key", randomSecret());
                Path configFile = folder.resolve("graphmeet.json");
                Files.writeString(configFile, JSON.writeValueAsString(effective));
                Clock clock = Clock.systemUTC();
                Graphmeet graphmeet = Graphmeet.start(
                        ConfigLoader.load(configFile, Map.of()), clock, new RandomMeetingIdentifiers(clock));
                return new GraphmeetServer(graphmeet, folder, Duration.ofNanos(System.nanoTime() - started));
            } catch (IOException e) {
                deleteFolder(folder);
                throw new UncheckedIOException("cannot write graphmeet's test configuration", e);
            } catch (RuntimeException e) {
                deleteFolder(folder);
                throw e;
            }
        }
    }
}
