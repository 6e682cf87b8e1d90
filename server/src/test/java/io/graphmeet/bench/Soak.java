package io.graphmeet.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The soak of {@code bench/soak} against one running graphmeet: first the maximum rate of a createOrGet mix
 * (half new keys answered 201, half replays of keys already created answered 200) from closed-loop clients,
 * then an open-loop load at a fraction of it for some windows of time (minutes in {@code bench/soak}, seconds in
 * {@code BoundedSoakTest}). Latency is measured from each request's
 * scheduled time (so a stall is not hidden by the load generator waiting too), per window; the server's
 * resident memory is sampled from {@code /proc} and its heap after each collection read from its GC log. Ends
 * with a {@link Verdict}.
 * Args: base URL, path, token file, server pid, GC log, minutes, seconds of the maximum run, fraction.
 */
public final class Soak {

    private static final Pattern HEAP_AFTER_GC = Pattern.compile("\\[(\\d+\\.\\d+)s].*Pause.*->(\\d+)M\\(");
    private static final int CLOSED_LOOP_CLIENTS = 32;

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();
    private final URI uri;
    private final String token;
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private final AtomicLong keys = new AtomicLong();
    private final List<String> created = new CopyOnWriteArrayList<>();
    /** How many requests failed, by what went wrong: an HTTP status other than 200 or 201, or no answer. */
    private final Map<String, Integer> failures = new ConcurrentSkipListMap<>();

    private Soak(URI uri, String token) {
        this.uri = uri;
        this.token = token;
    }

    public static void main(String[] args) throws Exception {
        Verdict verdict = run(
                URI.create(args[0] + args[1]),
                Files.readString(Path.of(args[2])).trim(),
                Long.parseLong(args[3]),
                Path.of(args[4]),
                Integer.parseInt(args[5]),
                Duration.ofMinutes(1),
                Integer.parseInt(args[6]),
                Double.parseDouble(args[7]));
        System.out.println(verdict.words(1.5));
    }

    /**
     * Soaks the server at {@code uri} (its process {@code pid}, its GC log {@code gcLog}): the maximum rate over
     * {@code maxSeconds}, then {@code windows} windows of {@code window} each at {@code fraction} of it. Prints a
     * row per window and returns what the verdict is made of.
     */
    public static Verdict run(
            URI uri, String token, long pid, Path gcLog, int windows, Duration window, int maxSeconds, double fraction)
            throws Exception {
        Soak soak = new Soak(uri, token);
        soak.closedLoop(Duration.ofSeconds(Math.max(2, maxSeconds / 2))); // warm-up
        double max = soak.closedLoop(Duration.ofSeconds(maxSeconds));
        double target = max * fraction;
        System.out.printf(
                Locale.ROOT,
                "max mix rate %.0f req/s (%d closed-loop clients); soak at %.0f req/s for %d windows of %d s%n",
                max,
                CLOSED_LOOP_CLIENTS,
                target,
                windows,
                window.toSeconds());
        long soakStartedMillis = System.currentTimeMillis();
        List<Window> result = soak.openLoop(target, windows, window, pid);
        List<double[]> heap = heapAfterGc(gcLog, soakStartedMillis, pid, window);
        return report(result, heap, max, target, new TreeMap<>(soak.failures));
    }

    /** Requests per second that {@link #CLOSED_LOOP_CLIENTS} clients, each waiting for its answer, achieve. */
    private double closedLoop(Duration length) throws InterruptedException {
        AtomicInteger done = new AtomicInteger();
        long stopAt = System.nanoTime() + length.toNanos();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < CLOSED_LOOP_CLIENTS; c++) {
                clients.submit(() -> {
                    while (System.nanoTime() < stopAt) {
                        if (call() / 100 == 2) {
                            done.incrementAndGet();
                        }
                    }
                });
            }
        }
        return done.get() / (double) length.toSeconds();
    }

    private List<Window> openLoop(double rate, int windows, Duration window, long pid) throws InterruptedException {
        long interval = (long) (1_000_000_000L / rate);
        long start = System.nanoTime();
        List<Window> result = new ArrayList<>();
        try (ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int m = 0; m < windows; m++) {
                Window minute = new Window(m + 1);
                result.add(minute);
                long minuteEnds = start + window.multipliedBy(m + 1).toNanos();
                long nextSample = System.nanoTime();
                for (long due = Math.max(start + window.multipliedBy(m).toNanos(), System.nanoTime());
                        due < minuteEnds;
                        due += interval) {
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    long scheduled = due;
                    requests.submit(() -> minute.record(call(), System.nanoTime() - scheduled));
                    if (System.nanoTime() >= nextSample) {
                        minute.rssMib.add(rssMib(pid));
                        nextSample = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                    }
                }
            }
        }
        return result;
    }

    /** One createOrGet: a new key half of the time, else a replay of a key created before. */
    private int call() {
        boolean replay = !created.isEmpty() && ThreadLocalRandom.current().nextBoolean();
        String key = replay
                ? created.get(ThreadLocalRandom.current().nextInt(created.size()))
                : "soak-" + run + "-" + keys.incrementAndGet();
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"externalId\":\"" + key + "\"}"))
                .build();
        try {
            int status =
                    client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status == 201 && created.size() < 100_000) {
                created.add(key);
            }
            if (status != 200 && status != 201) {
                failures.merge("HTTP " + status, 1, Integer::sum);
            }
            return status;
        } catch (IOException e) {
            failures.merge("no answer: " + e.getClass().getSimpleName(), 1, Integer::sum);
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static long rssMib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** (window of the soak, MiB of heap after a collection) for every collection during the soak. */
    private static List<double[]> heapAfterGc(Path gcLog, long soakStartedMillis, long pid, Duration window)
            throws IOException {
        long jvmStartMillis = ProcessHandle.of(pid)
                .flatMap(p -> p.info().startInstant())
                .map(java.time.Instant::toEpochMilli)
                .orElse(soakStartedMillis);
        double offsetSeconds = (soakStartedMillis - jvmStartMillis) / 1000.0;
        List<double[]> points = new ArrayList<>();
        for (String line : Files.readAllLines(gcLog)) {
            Matcher matcher = HEAP_AFTER_GC.matcher(line);
            if (matcher.find()) {
                double index = (Double.parseDouble(matcher.group(1)) - offsetSeconds) / window.toSeconds();
                if (index >= 0) {
                    points.add(new double[] {index, Double.parseDouble(matcher.group(2))});
                }
            }
        }
        return points;
    }

    private static Verdict report(
            List<Window> windows, List<double[]> heap, double max, double target, Map<String, Integer> failures) {
        System.out.println(
                "| window | requests | errors | p50 ms | p99 ms | RSS MiB (max) | heap after GC MiB (min) |");
        System.out.println("|---|---|---|---|---|---|---|");
        int errors = 0;
        for (Window window : windows) {
            errors += window.errors.get();
            System.out.printf(
                    Locale.ROOT,
                    "| %d | %d | %d | %.1f | %.1f | %d | %.0f |%n",
                    window.number,
                    window.latencies.size(),
                    window.errors.get(),
                    window.percentile(0.50),
                    window.percentile(0.99),
                    window.rssMib.stream().mapToLong(Long::longValue).max().orElse(-1),
                    heapFloor(heap, window.number - 1));
        }
        Verdict verdict = new Verdict(
                windows.size(),
                windows.stream().mapToInt(window -> window.latencies.size()).sum(),
                errors,
                windows.getFirst().percentile(0.99),
                windows.getLast().percentile(0.99),
                heapFloor(heap, 1),
                heapFloor(heap, windows.size() - 1),
                failures);
        System.out.printf(
                Locale.ROOT,
                "max %.0f req/s, soak %.0f req/s; errors %d %s; p99 first window %.1f ms, last window %.1f ms; heap "
                        + "after GC (min) second window %.0f MiB, last window %.0f MiB%n",
                max,
                target,
                errors,
                failures,
                verdict.p99First(),
                verdict.p99Last(),
                verdict.heapWarm(),
                verdict.heapLast());
        return verdict;
    }

    /**
     * What the soak's verdict is made of: no errors; p99 of the last window within {@code p99Factor} times the
     * first's (or 5 ms more); and the heap left after collections in the last window within 1.25 times the second
     * window's (plus 8 MiB) — the first window is warm-up, while the server's caches (10,000 meetings each) fill.
     */
    public record Verdict(
            int windows,
            int requests,
            int errors,
            double p99First,
            double p99Last,
            double heapWarm,
            double heapLast,
            Map<String, Integer> failures) {

        public boolean p99Stable(double p99Factor) {
            return p99Last <= Math.max(p99First * p99Factor, p99First + 5);
        }

        /** Whether the heap could be judged: three windows or more, with a collection in the second and the last. */
        public boolean heapJudged() {
            return windows >= 3 && !Double.isNaN(heapWarm) && !Double.isNaN(heapLast);
        }

        public boolean heapFlat() {
            return heapLast <= heapWarm * 1.25 + 8;
        }

        String words(double p99Factor) {
            return "verdict: errors " + (errors == 0 ? "none (pass)" : errors + " (FAIL)")
                    + "; p99 " + (p99Stable(p99Factor) ? "stable (pass)" : "grew (FAIL)")
                    + "; heap after GC "
                    + (!heapJudged()
                            ? "not judged (needs 3 windows or more, with collections)"
                            : heapFlat() ? "flat after warm-up (pass)" : "grew (FAIL)");
        }
    }

    /** The smallest heap left after a collection during window {@code index} of the soak (NaN: no collection). */
    private static double heapFloor(List<double[]> heap, int index) {
        return heap.stream()
                .filter(point -> (int) point[0] == index)
                .mapToDouble(point -> point[1])
                .min()
                .orElse(Double.NaN);
    }

    /** What one window of the soak saw. */
    private static final class Window {
        final int number;
        final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        final AtomicInteger errors = new AtomicInteger();
        final List<Long> rssMib = new CopyOnWriteArrayList<>();

        Window(int number) {
            this.number = number;
        }

        void record(int status, long nanos) {
            latencies.add(nanos);
            if (status != 200 && status != 201) {
                errors.incrementAndGet();
            }
        }

        double percentile(double p) {
            long[] sorted =
                    latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            return sorted.length == 0 ? Double.NaN : sorted[(int) Math.min(sorted.length - 1, p * sorted.length)] / 1e6;
        }
    }
}
