package io.graphmeet;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import io.graphmeet.api.GraphContext;
import io.graphmeet.api.GraphRoutes;
import io.graphmeet.api.json.MeetingJson;
import io.graphmeet.auth.Authorizer;
import io.graphmeet.auth.TokenVerifier;
import io.graphmeet.auth.TrustedIssuer;
import io.graphmeet.bootstrap.BootstrapFile;
import io.graphmeet.config.ConfigException;
import io.graphmeet.config.GraphmeetConfig;
import io.graphmeet.directory.Directory;
import io.graphmeet.meetings.MeetingIdentifiers;
import io.graphmeet.meetings.MeetingService;
import io.graphmeet.meetings.People;
import io.graphmeet.meetings.Person;
import io.graphmeet.store.Database;
import io.helidon.webserver.WebServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.ServerSocket;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;

/** A running graphmeet: database, services and HTTP server wired together from a configuration. */
public final class Graphmeet implements AutoCloseable {

    private final GraphmeetConfig config;
    private final Database database;
    private final WebServer server;

    private Graphmeet(GraphmeetConfig config, Database database, WebServer server) {
        this.config = config;
        this.database = database;
        this.server = server;
    }

    /** Opens the database, applies the directory seed and starts serving. */
    public static Graphmeet start(GraphmeetConfig requested, Clock clock, MeetingIdentifiers identifiers) {
        GraphmeetConfig config = requested.server().port() == 0 ? requested.withPort(freePort()) : requested;
        List<TrustedIssuer> issuers = config.auth().issuers().stream().map(Graphmeet::trustedIssuer).toList();
        Database database = Database.open(config.storage());
        try {
            if (config.directory().bootstrapFile() != null) {
                BootstrapFile.apply(config.directory().bootstrapFile(), database.directory());
            }
            Directory directory = new Directory(database.directory());
            People people = (tenantId, userId, upnHint) -> directory.findUser(tenantId, userId)
                    .map(user -> new Person(user.id(), tenantId, user.upn(), user.displayName()))
                    .orElseGet(() -> new Person(userId, tenantId, upnHint, null));
            MeetingService meetings = new MeetingService(database.meetings(), people, identifiers, clock,
                    config.joinBaseUrl());
            TokenVerifier tokens = new TokenVerifier(issuers, new HashSet<>(config.auth().audiences()),
                    config.auth().clockSkew(), clock, config.auth().tokenCacheSize());
            GraphContext context = new GraphContext(tokens, new Authorizer(directory, config.directory().strict()),
                    config.server().maxBodyBytes(), clock);
            MeetingJson json = new MeetingJson(config.server().effectivePublicUrl(), config.joinBaseUrl());
            WebServer server = WebServer.builder()
                    .host(config.server().host())
                    .port(config.server().port())
                    .routing(routing -> GraphRoutes.register(routing, context, meetings, json))
                    .build()
                    .start();
            return new Graphmeet(config, database, server);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
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

    @Override
    public void close() {
        server.stop();
        database.close();
    }

    private static TrustedIssuer trustedIssuer(GraphmeetConfig.Issuer issuer) {
        JWKSource<SecurityContext> keys;
        if (issuer.jwksFile() != null) {
            try {
                keys = new ImmutableJWKSet<>(JWKSet.load(issuer.jwksFile().toFile()));
            } catch (IOException | ParseException e) {
                throw new ConfigException("auth.issuers: JWKS file " + issuer.jwksFile() + " is unreadable: "
                        + e.getMessage());
            }
        } else {
            try {
                keys = JWKSourceBuilder.create(URI.create(issuer.jwksUri()).toURL()).build();
            } catch (MalformedURLException | IllegalArgumentException e) {
                throw new ConfigException("auth.issuers: bad jwksUri " + issuer.jwksUri());
            }
        }
        return new TrustedIssuer(issuer.issuer(), keys);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
