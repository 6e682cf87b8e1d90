package io.graphmeet.fault;

import io.graphmeet.testing.GraphHttp;
import io.graphmeet.testing.GraphResponse;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Clients that call createOrGet with keys of their own, one key at a time, and retry a key after every
 * {@code 503} or refused connection until it is answered {@code 200} or {@code 201} (the lost-answer case of
 * idempotency keys), spreading their attempts over the given nodes. Every answer is recorded with its latency.
 */
public final class CreateOrGetLoad implements AutoCloseable {

    /** One HTTP answer (status 0: the connection failed). */
    public record Answer(
            String key, int status, long startedNanos, long tookNanos, String errorCode, boolean retryAfter) {
        public Duration took() {
            return Duration.ofNanos(tookNanos);
        }
    }

    private static final Duration RETRY_PAUSE = Duration.ofMillis(20);

    private final List<GraphHttp> nodes;
    private final String path;
    private final String token;
    private final String keyPrefix;
    private final List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> created = new ConcurrentHashMap<>();
    private final Map<String, String> converged = new ConcurrentHashMap<>();
    private final AtomicInteger unexpected = new AtomicInteger();
    private final ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Future<?>> running = new ArrayList<>();
    private volatile boolean stopping;

    public CreateOrGetLoad(List<GraphHttp> nodes, String organizer, String token, String keyPrefix, int clientCount) {
        this.nodes = List.copyOf(nodes);
        this.path = "/v1.0/users/" + organizer + "/onlineMeetings/createOrGet";
        this.token = token;
        this.keyPrefix = keyPrefix;
        for (int c = 0; c < clientCount; c++) {
            int client = c;
            running.add(clients.submit(() -> run(client)));
        }
    }

    private void run(int client) {
        int attempt = client;
        for (int n = 0; !stopping; n++) {
            String key = keyPrefix + "-" + client + "-" + n;
            while (true) {
                GraphHttp node = nodes.get(attempt++ % nodes.size());
                long started = System.nanoTime();
                GraphResponse response;
                try {
                    response = node.post(path, token, "{\"externalId\":\"" + key + "\"}");
                } catch (UncheckedIOException refused) {
                    answers.add(new Answer(key, 0, started, System.nanoTime() - started, null, false));
                    pause();
                    continue;
                }
                long took = System.nanoTime() - started;
                int status = response.status();
                boolean ok = status == 200 || status == 201;
                answers.add(new Answer(
                        key,
                        status,
                        started,
                        took,
                        ok ? null : response.errorCode(),
                        response.header("Retry-After") != null));
                if (ok) {
                    String id = response.json().path("id").asText();
                    if (status == 201 && created.putIfAbsent(key, id) != null) {
                        unexpected.incrementAndGet(); // a second 201 for one key
                    }
                    converged.put(key, id);
                    break;
                }
                if (status != 503) {
                    unexpected.incrementAndGet();
                }
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_PAUSE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until {@code more} further keys have converged. */
    public void awaitConverged(int more, Duration limit) throws InterruptedException {
        int target = converged.size() + more;
        await(() -> converged.size() >= target, limit, "no " + more + " more keys converged within " + limit);
    }

    public static void await(BooleanSupplier condition, Duration limit, String failure) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(failure);
            }
            Thread.sleep(10);
        }
    }

    /** Lets every client finish its current key (it keeps retrying it) and stop; rethrows what failed a client. */
    public void finish(Duration limit) throws InterruptedException {
        stopping = true;
        clients.shutdown();
        if (!clients.awaitTermination(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("clients did not converge on their last keys within " + limit);
        }
        for (Future<?> client : running) {
            try {
                client.get();
            } catch (ExecutionException e) {
                throw new AssertionError("a client failed", e.getCause());
            }
        }
    }

    public List<Answer> answers() {
        synchronized (answers) {
            return List.copyOf(answers);
        }
    }

    /** Key → id of the meeting its 201 carried. */
    public Map<String, String> created() {
        return Map.copyOf(created);
    }

    /** Key → id of the meeting the client's last successful answer carried. */
    public Map<String, String> converged() {
        return Map.copyOf(converged);
    }

    /** Answers other than 200, 201, 503 and refused connections, plus second 201s for one key. */
    public int unexpected() {
        return unexpected.get();
    }

    @Override
    public void close() {
        stopping = true;
        clients.shutdownNow();
    }
}
