package io.graphmeet;

import io.graphmeet.admin.AdminContext;
import io.graphmeet.admin.AdminKey;
import io.graphmeet.admin.AdminRoutes;
import io.graphmeet.api.GraphContext;
import io.graphmeet.api.GraphDirectHandler;
import io.graphmeet.api.GraphRoutes;
import io.graphmeet.api.json.MeetingJson;
import io.graphmeet.auth.Authorizer;
import io.graphmeet.auth.TokenVerifier;
import io.graphmeet.auth.TrustedIssuer;
import io.graphmeet.bootstrap.BootstrapFile;
import io.graphmeet.config.ConfigException;
import io.graphmeet.config.GraphmeetConfig;
import io.graphmeet.console.ConsoleRoutes;
import io.graphmeet.console.ConsoleSessions;
import io.graphmeet.demo.DemoDirectory;
import io.graphmeet.directory.Directory;
import io.graphmeet.faults.FaultRules;
import io.graphmeet.issuer.HostGuard;
import io.graphmeet.issuer.IssuerRoutes;
import io.graphmeet.issuer.IssuerSettings;
import io.graphmeet.issuer.SigningKeys;
import io.graphmeet.issuer.TokenIssuer;
import io.graphmeet.join.JoinPages;
import io.graphmeet.journal.RequestJournal;
import io.graphmeet.meetings.MeetingIdentifiers;
import io.graphmeet.meetings.MeetingService;
import io.graphmeet.meetings.People;
import io.graphmeet.meetings.Person;
import io.graphmeet.observe.AccessLog;
import io.graphmeet.observe.ManagementServer;
import io.graphmeet.observe.PrometheusMetrics;
import io.graphmeet.observe.Readiness;
import io.graphmeet.observe.Tracing;
import io.graphmeet.store.Database;
import io.graphmeet.throttle.Throttle;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.text.ParseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.Logger;

/** A running graphmeet: database, services and HTTP server wired together from a configuration. */
public final class Graphmeet implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Graphmeet.class.getName());
    private static final String HTTPS = "https";
    private static final String ADMIN = "admin";

    private final GraphmeetConfig config;
    private final Database database;
    private final WebServer server;
    private final AdminKey adminKey;
    private final Operated operated;

    private Graphmeet(
            GraphmeetConfig config, Database database, WebServer server, AdminKey adminKey, Operated operated) {
        this.config = config;
        this.database = database;
        this.server = server;
        this.adminKey = adminKey;
        this.operated = operated;
    }

    /**
     * Opens the database, applies the directory seeds and starts serving: the Graph API (with the built-in
     * issuer when it is on) on the main port and, when TLS is configured, on the HTTPS port; the admin API on its
     * own port when it has a key.
     */
    public static Graphmeet start(GraphmeetConfig requested, Clock clock, MeetingIdentifiers identifiers) {
        GraphmeetConfig config = requested.server().port() == 0 ? requested.withPort(freePort()) : requested;
        int tlsPort = config.tls().enabled() && config.tls().port() == 0
                ? freePort()
                : config.tls().port();
        List<TrustedIssuer> issuers = new ArrayList<>(config.auth().issuers().stream()
                .map(issuer -> trustedIssuer(issuer, clock))
                .toList());
        PrometheusMetrics metrics = new PrometheusMetrics();
        Database database = Database.open(config.storage(), metrics);
        Operated operated = null;
        FaultRules faults = new FaultRules(clock);
        try {
            applySeeds(config, database, faults, clock);
            Directory directory = new Directory(database.directory());
            BuiltIn builtIn =
                    config.issuer().enabled() ? builtInIssuer(config, tlsPort, database, directory, clock) : null;
            if (builtIn != null) {
                builtIn.settings()
                        .issuerTemplates()
                        .forEach(template -> issuers.add(
                                new TrustedIssuer(template, builtIn.keys().verificationKeys())));
            }
            People people = (tenantId, userId, upnHint) -> directory
                    .findUser(tenantId, userId)
                    .map(user -> new Person(user.id(), tenantId, user.upn(), user.displayName()))
                    .orElseGet(() -> new Person(userId, tenantId, upnHint, null));
            MeetingService meetings =
                    new MeetingService(database.meetings(), people, identifiers, clock, config.joinBaseUrl());
            TokenVerifier tokens = new TokenVerifier(
                    issuers,
                    new HashSet<>(config.auth().audiences()),
                    config.auth().clockSkew(),
                    config.auth().maxTokenLifetime(),
                    clock,
                    config.auth().tokenCacheBytes());
            operated = operate(config, metrics, database, clock);
            Authorizer authorizer = new Authorizer(directory, config.directory().strict());
            GraphmeetConfig.Journal journaling = config.journal();
            RequestJournal journal = new RequestJournal(
                    journaling.requestsPerTenant(),
                    journaling.tenants(),
                    journaling.maxBytes(),
                    journaling.maxBodyBytes());
            GraphContext context = new GraphContext(
                    tokens,
                    authorizer,
                    config.server().maxBodyBytes(),
                    clock,
                    metrics,
                    operated.accessLog(),
                    operated.throttle(),
                    operated.tracing(),
                    faults,
                    journal);
            MeetingJson json = new MeetingJson(config.server().effectivePublicUrl(), config.joinBaseUrl());
            Consumer<HttpRouting.Builder> graphRoutes =
                    graphSurface(config, builtIn, database, context, meetings, json, clock);
            AdminKey adminKey = AdminKey.resolve(config).orElse(null);
            ConsoleSessions console = new ConsoleSessions(clock);
            Listeners listeners = new Listeners()
                    .add(
                            WebServer.DEFAULT_SOCKET_NAME,
                            "server.port (GRAPHMEET_SERVER_PORT)",
                            config.server().host(),
                            config.server().port());
            WebServerConfig.Builder server = ConnectionLimits.apply(
                            WebServer.builder(), config.server().connections())
                    .host(config.server().host())
                    .port(config.server().port())
                    .shutdownHook(false)
                    .featuresDiscoverServices(false)
                    .shutdownGracePeriod(config.operations().shutdownGrace())
                    .directHandlers(GraphDirectHandler.all(clock))
                    .routing(graphRoutes);
            if (config.tls().enabled()) {
                addTlsListener(server, listeners, config, tlsPort, graphRoutes);
            }
            if (adminKey != null) {
                AdminContext admin = new AdminContext(
                        directory,
                        database.meetings(),
                        builtIn == null ? null : builtIn.keys(),
                        adminKey,
                        config.server().maxBodyBytes(),
                        clock,
                        authorizer,
                        faults,
                        journal,
                        new InspectedMeetings(database.meetings(), json));
                addAdminListener(server, listeners, config, admin, adminKey, console, clock);
            }
            listeners.ensureFree();
            WebServer started = server.build().start();
            try {
                listeners.ensureServing(started);
            } catch (StartupException e) {
                started.stop();
                throw e;
            }
            operated.management().serving();
            if (adminKey != null && config.profile() == GraphmeetConfig.Profile.DEVELOPMENT) {
                LOG.info("console: sign in once with http://"
                        + reachable(config.admin().host()) + ":"
                        + started.port(ADMIN) + ConsoleRoutes.SIGN_IN + "?token=" + console.newLinkToken()
                        + " (single use, valid " + ConsoleSessions.LINK_LIFETIME.toMinutes() + " minutes)");
            }
            return new Graphmeet(config, database, started, adminKey, operated);
        } catch (RuntimeException e) {
            if (operated != null) {
                operated.close();
            }
            database.close();
            throw e;
        }
    }

    /** The demo tenant and the bootstrap file, as the configuration asks. */
    private static void applySeeds(GraphmeetConfig config, Database database, FaultRules faults, Clock clock) {
        if (config.directory().seedDemo() && DemoDirectory.seed(database.directory(), clock.instant())) {
            LOG.info("created the demo tenant " + DemoDirectory.TENANT_ID + " (directory.seedDemo)");
        }
        if (config.directory().bootstrapFile() != null) {
            LOG.info(BootstrapFile.apply(
                    config.directory().bootstrapFile(), database.directory(), faults, System::getenv, clock.instant()));
        }
    }

    /**
     * The routes of the Graph listeners: the built-in issuer's (behind its host guard) when it is on, the join
     * pages, then the Graph API.
     */
    private static Consumer<HttpRouting.Builder> graphSurface(
            GraphmeetConfig config,
            BuiltIn builtIn,
            Database database,
            GraphContext context,
            MeetingService meetings,
            MeetingJson json,
            Clock clock) {
        return routing -> {
            if (builtIn != null) {
                routing.addFilter(new HostGuard(config.server().effectivePublicUrl(), clock));
                IssuerRoutes.register(
                        routing,
                        builtIn.issuer(),
                        builtIn.keys(),
                        builtIn.settings(),
                        config.server().maxBodyBytes(),
                        clock);
            }
            JoinPages.register(routing, database.meetings(), clock, config.joinBaseUrl());
            GraphRoutes.register(routing, context, meetings, json);
        };
    }

    /** The HTTPS listener, serving the same routes as the main one. */
    private static void addTlsListener(
            WebServerConfig.Builder server,
            Listeners listeners,
            GraphmeetConfig config,
            int tlsPort,
            Consumer<HttpRouting.Builder> graphRoutes) {
        server.putSocket(
                HTTPS,
                socket -> ConnectionLimits.apply(socket, config.server().connections())
                        .host(config.server().host())
                        .port(tlsPort)
                        .tls(TlsListener.tls(config.tls())));
        server.routing(HTTPS, graphRoutes);
        listeners.add(HTTPS, "tls.port (GRAPHMEET_TLS_PORT)", config.server().host(), tlsPort);
    }

    /** The admin listener: the console and the admin API. */
    private static void addAdminListener(
            WebServerConfig.Builder server,
            Listeners listeners,
            GraphmeetConfig config,
            AdminContext admin,
            AdminKey adminKey,
            ConsoleSessions console,
            Clock clock) {
        server.putSocket(
                ADMIN,
                socket -> ConnectionLimits.apply(socket, config.server().connections())
                        .host(config.admin().host())
                        .port(config.admin().port()));
        server.routing(ADMIN, routing -> {
            ConsoleRoutes.register(routing, adminKey, console, config.server().maxBodyBytes(), clock);
            AdminRoutes.register(routing, admin, console);
        });
        listeners.add(
                ADMIN,
                "admin.port (GRAPHMEET_ADMIN_PORT)",
                config.admin().host(),
                config.admin().port());
    }

    /** The access log, the throttle and the management listener, whose readiness asks the database. */
    private static Operated operate(GraphmeetConfig config, PrometheusMetrics metrics, Database database, Clock clock) {
        var operations = config.operations();
        Readiness databaseAnswers = Readiness.of("database", () -> {
            database.schemaVersion();
            return Optional.empty();
        });
        Readiness schema = Readiness.of("schema", () -> {
            int found = database.schemaVersion();
            return found == Database.expectedSchemaVersion()
                    ? Optional.empty()
                    : Optional.of(
                            "schema version " + found + ", this build expects " + Database.expectedSchemaVersion());
        });
        Listeners listener = new Listeners()
                .add(
                        WebServer.DEFAULT_SOCKET_NAME,
                        "management.port (GRAPHMEET_MANAGEMENT_PORT)",
                        operations.management().host(),
                        operations.management().port());
        listener.ensureFree();
        ManagementServer management = ManagementServer.start(
                operations.management(),
                metrics,
                List.of(databaseAnswers, schema),
                ManagementServer.infoOf(config),
                clock);
        try {
            listener.ensureServing(management.port() > 0, socket -> management.port());
        } catch (StartupException e) {
            management.close();
            throw e;
        }
        return new Operated(
                metrics,
                AccessLog.open(operations.accessLog()),
                Throttle.of(operations.throttle(), database.sharedCounts(), clock),
                operations.otlpEndpoint() == null ? Tracing.off() : Tracing.exportingTo(operations.otlpEndpoint()),
                management);
    }

    /**
     * With TLS on and no public URL configured, the issuer describes the listener each request came in on, so
     * that clients which insist on https (MSAL) find an https issuer on the HTTPS listener; a configured public
     * URL is the one base of both.
     */
    private static BuiltIn builtInIssuer(
            GraphmeetConfig config, int tlsPort, Database database, Directory directory, Clock clock) {
        String tlsBaseUrl = config.tls().enabled() && config.server().publicUrl() == null
                ? config.server().withPort(tlsPort).effectivePublicUrl().replaceFirst("^http:", "https:")
                : null;
        IssuerSettings settings = new IssuerSettings(
                config.server().effectivePublicUrl(),
                tlsBaseUrl,
                config.issuer().tokenLifetime(),
                config.issuer().delegatedScopes());
        SigningKeys keys = new SigningKeys(
                database.signingKeys(),
                clock,
                config.issuer().tokenLifetime().plus(config.auth().clockSkew()));
        return new BuiltIn(settings, keys, new TokenIssuer(directory, keys, settings, clock));
    }

    public int port() {
        return server.port();
    }

    public GraphmeetConfig config() {
        return config;
    }

    /** The base URL of the Graph API, e.g. {@code http://127.0.0.1:8080}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** The HTTPS base URL of the Graph API and the issuer, when TLS is configured. */
    public Optional<String> httpsUrl() {
        return config.tls().enabled() ? Optional.of("https://127.0.0.1:" + server.port(HTTPS)) : Optional.empty();
    }

    /** The admin API's base URL, e.g. {@code http://127.0.0.1:8081}, when the admin API is on. */
    public Optional<String> adminUrl() {
        return adminKey == null ? Optional.empty() : Optional.of("http://127.0.0.1:" + server.port(ADMIN));
    }

    /** The admin API's key, when the admin API is on. */
    public Optional<AdminKey> adminKey() {
        return Optional.ofNullable(adminKey);
    }

    /** The management listener's base URL, e.g. {@code http://127.0.0.1:8082}. */
    public String managementUrl() {
        return "http://127.0.0.1:" + operated.management().port();
    }

    /**
     * Stops gracefully: readiness answers 503 at once, the listeners stop accepting and requests in flight get up
     * to {@code server.shutdownGrace} to finish, then the throttle shares its last counts, the group committer
     * finishes and the database closes.
     */
    @Override
    public void close() {
        operated.management().stopping();
        server.stop();
        operated.close();
        database.close();
    }

    /** The built-in issuer's parts, shared by its routes, the admin API and the token verifier. */
    private record BuiltIn(IssuerSettings settings, SigningKeys keys, TokenIssuer issuer) {}

    /** What runs graphmeet as a service, closed after the Graph listeners and before the database. */
    private record Operated(
            PrometheusMetrics metrics,
            AccessLog accessLog,
            Throttle throttle,
            Tracing tracing,
            ManagementServer management)
            implements AutoCloseable {
        @Override
        public void close() {
            management.close();
            throttle.close();
            tracing.close();
            accessLog.close();
            metrics.close();
        }
    }

    private static TrustedIssuer trustedIssuer(GraphmeetConfig.Issuer issuer, Clock clock) {
        Set<String> tenants = Set.copyOf(issuer.tenants());
        if (issuer.jwksFile() != null) {
            try {
                return TrustedIssuer.withJwksFile(issuer.issuer(), issuer.jwksFile(), tenants);
            } catch (IOException | ParseException e) {
                throw new ConfigException(
                        "auth.issuers: JWKS file " + issuer.jwksFile() + " is unreadable: " + e.getMessage());
            }
        }
        try {
            return TrustedIssuer.withJwksUri(issuer.issuer(), issuer.jwksUri(), tenants, clock);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("auth.issuers: bad jwksUri " + issuer.jwksUri());
        }
    }

    /** The host a local browser reaches a listener bound to {@code host} at. */
    private static String reachable(String host) {
        if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
            return "127.0.0.1";
        }
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
