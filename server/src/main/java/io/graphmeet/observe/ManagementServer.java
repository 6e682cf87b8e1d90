package io.graphmeet.observe;

import io.graphmeet.config.GraphmeetConfig;
import io.graphmeet.config.Version;
import io.graphmeet.http.Json;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The management listener, without a key, for load balancers and monitoring: Helidon's health observer at
 * {@code /observe/health/live} and {@code /observe/health/ready} (JSON; {@code 503} naming the failing check),
 * Prometheus metrics at {@code /observe/metrics} and {@code /observe/info}.
 */
public final class ManagementServer implements AutoCloseable {

    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    private static final String SERVING = "serving";

    private final WebServer server;
    private volatile boolean serving;

    private ManagementServer(
            GraphmeetConfig.Management settings,
            PrometheusMetrics metrics,
            List<Readiness> readiness,
            Map<String, Object> info,
            Clock clock) {
        HealthObserver health = HealthObserver.builder()
                .details(true)
                .addCheck(() -> HealthCheckResponse.builder().status(true).build(), HealthCheckType.LIVENESS, "alive")
                .addCheck(
                        () -> HealthCheckResponse.builder().status(serving).build(), HealthCheckType.READINESS, SERVING)
                .update(builder -> readiness.forEach(check -> builder.addCheck(
                        () -> {
                            var problem = check.problem();
                            var response = HealthCheckResponse.builder().status(problem.isEmpty());
                            problem.ifPresent(text -> response.detail("problem", text));
                            return response.build();
                        },
                        HealthCheckType.READINESS,
                        check.name())))
                .build();
        Instant started = clock.instant();
        this.server = WebServer.builder()
                .host(settings.host())
                .port(settings.port())
                .shutdownHook(false)
                .featuresDiscoverServices(false)
                .addFeature(ObserveFeature.just(health))
                .routing(routing -> routes(routing, metrics, info, started, clock))
                .build()
                .start();
    }

    /**
     * Starts the listener. {@code readiness} are the checks besides {@code serving}, which passes from
     * {@link #serving()} until {@link #stopping()}; {@code info} is what {@code /observe/info} shows besides version, build and uptime.
     */
    public static ManagementServer start(
            GraphmeetConfig.Management settings,
            PrometheusMetrics metrics,
            List<Readiness> readiness,
            Map<String, Object> info,
            Clock clock) {
        return new ManagementServer(settings, metrics, List.copyOf(readiness), Map.copyOf(info), clock);
    }

    private static void routes(
            HttpRouting.Builder routing,
            PrometheusMetrics metrics,
            Map<String, Object> info,
            Instant started,
            Clock clock) {
        routing.get("/observe/metrics", (request, response) -> {
            response.header(HeaderNames.CONTENT_TYPE, PROMETHEUS_TEXT);
            response.send(metrics.scrape());
        });
        routing.get("/observe/info", (request, response) -> sendInfo(response, info, started, clock));
    }

    private static void sendInfo(ServerResponse response, Map<String, Object> info, Instant started, Clock clock) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "graphmeet");
        body.put("version", Version.current());
        body.put("build", Version.build());
        body.putAll(info);
        body.put("startedAt", started.toString());
        Duration uptime = Duration.between(started, clock.instant());
        body.put("uptime", uptime.toString());
        body.put("uptimeSeconds", uptime.toSeconds());
        response.header(HeaderNames.CONTENT_TYPE, "application/json");
        response.send(Json.write(body));
    }

    /** The Graph listeners are up: readiness may pass. */
    public void serving() {
        serving = true;
    }

    /** From now on readiness answers 503 naming the {@code serving} check; the listener keeps answering. */
    public void stopping() {
        serving = false;
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        serving = false;
        server.stop();
    }

    /** The info entries of a configuration: profile and storage kind. */
    public static Map<String, Object> infoOf(GraphmeetConfig config) {
        return Map.of(
                "profile",
                config.profile().name().toLowerCase(Locale.ROOT),
                "storage",
                config.storage().kind().name().toLowerCase(Locale.ROOT));
    }
}
