package io.graphmeet.fault;

import io.graphmeet.testing.GraphHttp;
import io.graphmeet.testing.GraphResponse;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * What a load balancer sees of a node during a fault: its management listener's readiness and liveness,
 * asked every {@link #INTERVAL} from the start until {@link #close()}, each answer recorded with its latency.
 */
public final class HealthProbe implements AutoCloseable {

    /**
     * One round: readiness status, the status the readiness answer gives the {@code database} check ("UP",
     * "DOWN", or "" when not named), liveness status (0: the connection failed).
     */
    public record Round(long startedNanos, long tookNanos, int ready, String database, int live) {
        public Duration took() {
            return Duration.ofNanos(tookNanos);
        }

        /** Whether the round was asked and answered entirely between {@code from} and {@code to}. */
        public boolean within(long from, long to) {
            return startedNanos >= from && startedNanos + tookNanos <= to;
        }
    }

    private static final Duration INTERVAL = Duration.ofMillis(50);

    private final GraphHttp management;
    private final List<Round> rounds = Collections.synchronizedList(new ArrayList<>());
    private final ExecutorService prober = Executors.newVirtualThreadPerTaskExecutor();
    private final Future<?> probing;
    private volatile boolean stopping;

    public HealthProbe(String managementUrl) {
        this.management = new GraphHttp(managementUrl);
        this.probing = prober.submit(this::run);
    }

    private void run() {
        while (!stopping) {
            long started = System.nanoTime();
            GraphResponse ready = get("/observe/health/ready");
            long took = System.nanoTime() - started;
            GraphResponse live = get("/observe/health/live");
            rounds.add(new Round(
                    started,
                    took,
                    ready == null ? 0 : ready.status(),
                    databaseCheck(ready),
                    live == null ? 0 : live.status()));
            try {
                Thread.sleep(INTERVAL);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private GraphResponse get(String path) {
        try {
            return management.send(management.request(path, null).GET());
        } catch (UncheckedIOException | IllegalStateException refused) {
            return null;
        }
    }

    private static String databaseCheck(GraphResponse ready) {
        if (ready == null) {
            return "";
        }
        try {
            for (var check : ready.json().path("checks")) {
                if (check.path("name").asText().equals("database")) {
                    return check.path("status").asText();
                }
            }
            return "";
        } catch (UncheckedIOException notJson) {
            return "not JSON";
        }
    }

    /** Waits until a round that started after now answers readiness {@code status}; returns how long that took. */
    public Duration awaitReady(int status, Duration limit) throws InterruptedException {
        long from = System.nanoTime();
        CreateOrGetLoad.await(
                () -> rounds().stream().anyMatch(round -> round.startedNanos() >= from && round.ready() == status),
                limit,
                "readiness never answered " + status + " within " + limit);
        return Duration.ofNanos(rounds().stream()
                        .filter(round -> round.startedNanos() >= from && round.ready() == status)
                        .mapToLong(round -> round.startedNanos() + round.tookNanos())
                        .min()
                        .orElseThrow()
                - from);
    }

    public List<Round> rounds() {
        synchronized (rounds) {
            return List.copyOf(rounds);
        }
    }

    /** Stops asking; rethrows what stopped the probe early, if anything did. */
    @Override
    public void close() throws InterruptedException {
        stopping = true;
        prober.shutdown();
        if (!prober.awaitTermination(1, TimeUnit.MINUTES)) {
            prober.shutdownNow();
        }
        try {
            probing.get();
        } catch (ExecutionException e) {
            throw new AssertionError("the health probe failed", e.getCause());
        }
    }
}
