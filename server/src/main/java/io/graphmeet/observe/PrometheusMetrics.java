package io.graphmeet.observe;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The metrics port on Micrometer's Prometheus registry, with the JVM's and the process's own meters bound; the
 * management listener serves {@link #scrape()} at {@code /observe/metrics}.
 */
public final class PrometheusMetrics implements Metrics, AutoCloseable {

    private static final Duration[] LATENCY_BUCKETS = {
        Duration.ofMillis(1),
        Duration.ofMillis(2),
        Duration.ofMillis(5),
        Duration.ofMillis(10),
        Duration.ofMillis(25),
        Duration.ofMillis(50),
        Duration.ofMillis(100),
        Duration.ofMillis(250),
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofMillis(2500),
        Duration.ofSeconds(5)
    };

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final Counter created;
    private final Counter existing;
    private final DistributionSummary batchSizes;
    private final Timer commits;
    /**
     * The meters of every request, kept once registered: building a meter and looking it up in the registry on
     * each request cost 3 % of a replay's CPU.
     */
    private final Map<Answered, Counter> requests = new ConcurrentHashMap<>();

    private final Map<GraphOperation, Timer> durations = new ConcurrentHashMap<>();
    private final Map<TokenVerification, Counter> verifications = new ConcurrentHashMap<>();

    private record Answered(GraphOperation operation, int status) {}

    public PrometheusMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        gc.bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        created = createOrGet("created");
        existing = createOrGet("existing");
        batchSizes = DistributionSummary.builder("graphmeet.group.commit.batch.size")
                .description("Writes committed together in one transaction")
                .serviceLevelObjectives(1, 2, 4, 8, 16, 32, 64, 128, 256)
                .register(registry);
        commits = Timer.builder("graphmeet.group.commit.duration")
                .description("Time to run and commit one group of writes")
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .register(registry);
    }

    private Counter createOrGet(String outcome) {
        return Counter.builder("graphmeet.createorget")
                .description("createOrGet calls by outcome")
                .tag("outcome", outcome)
                .register(registry);
    }

    @Override
    public void recordRequest(GraphOperation operation, int status, long durationNanos) {
        requests.computeIfAbsent(
                        new Answered(operation, status),
                        answered -> Counter.builder("graphmeet.requests")
                                .description("Graph requests answered, by operation and HTTP status")
                                .tag("operation", operation.label())
                                .tag("status", Integer.toString(status))
                                .register(registry))
                .increment();
        durations
                .computeIfAbsent(
                        operation,
                        op -> Timer.builder("graphmeet.request.duration")
                                .description("Time to answer a Graph request")
                                .tag("operation", op.label())
                                .serviceLevelObjectives(LATENCY_BUCKETS)
                                .register(registry))
                .record(durationNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void recordCreateOrGet(boolean wasCreated) {
        (wasCreated ? created : existing).increment();
    }

    @Override
    public void recordTokenVerification(TokenVerification result) {
        verifications
                .computeIfAbsent(
                        result,
                        r -> Counter.builder("graphmeet.token.verifications")
                                .description("Bearer tokens verified, by result")
                                .tag("result", r.label())
                                .register(registry))
                .increment();
    }

    @Override
    public void recordThrottled(GraphOperation operation, String limit) {
        Counter.builder("graphmeet.throttled.requests")
                .description("Requests answered 429 by a throttling limit")
                .tag("operation", operation.label())
                .tag("limit", limit)
                .register(registry)
                .increment();
    }

    @Override
    public void recordGroupCommit(int batchSize, long commitNanos) {
        batchSizes.record(batchSize);
        commits.record(commitNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public Optional<MeterRegistry> registry() {
        return Optional.of(registry);
    }

    /** Every meter in Prometheus's text format (version 0.0.4). */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
