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
import java.util.concurrent.ConcurrentLinkedQueue;
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
 * then an open-loop load at a fraction of it for some minutes. Latency is measured from each request's
 * scheduled time (so a stall is not hidden by the load generator waiting too), per minute; the server's
 * resident memory is sampled from {@code /proc} and its heap after each collection read from its GC log. Ends
 * with a verdict: no errors, p99 of the last minute within 1.5 times the first's (or 5 ms), and the heap left
 * after collections in the last minute within 1.25 times the second minute's (plus 8 MiB) — the first minute is
 * warm-up, while the server's caches (10,000 meetings each) fill.
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

    private Soak(URI uri, String token) {
        this.uri = uri;
        this.token = token;
    }

    public static void main(String[] args) throws Exception {
        Soak soak = new Soak(
                URI.create(args[0] + args[1]),
                Files.readString(Path.of(args[2])).trim());
        long pid = Long.parseLong(args[3]);
        Path gcLog = Path.of(args[4]);
        int minutes = Integer.parseInt(args[5]);
        int maxSeconds = Integer.parseInt(args[6]);
        double fraction = Double.parseDouble(args[7]);

        soak.closedLoop(Duration.ofSeconds(Math.max(2, maxSeconds / 2))); // warm-up
        double max = soak.closedLoop(Duration.ofSeconds(maxSeconds));
        double target = max * fraction;
        System.out.printf(
                Locale.ROOT,
                "max mix rate %.0f req/s (%d closed-loop clients); soak at %.0f req/s for %d min%n",
                max,
                CLOSED_LOOP_CLIENTS,
                target,
                minutes);
        long soakStartedMillis = System.currentTimeMillis();
        List<Minute> result = soak.openLoop(target, minutes, pid);
        List<double[]> heap = heapAfterGc(gcLog, soakStartedMillis, pid);
        report(result, heap, max, target);
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

    private List<Minute> openLoop(double rate, int minutes, long pid) throws InterruptedException {
        long interval = (long) (1_000_000_000L / rate);
        long start = System.nanoTime();
        List<Minute> result = new ArrayList<>();
        try (ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int m = 0; m < minutes; m++) {
                Minute minute = new Minute(m + 1);
                result.add(minute);
                long minuteEnds = start + Duration.ofMinutes(m + 1).toNanos();
                long nextSample = System.nanoTime();
                for (long due = Math.max(start + Duration.ofMinutes(m).toNanos(), System.nanoTime());
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
            return status;
        } catch (IOException e) {
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

    /** (minute of the soak, MiB of heap after a collection) for every collection during the soak. */
    private static List<double[]> heapAfterGc(Path gcLog, long soakStartedMillis, long pid) throws IOException {
        long jvmStartMillis = ProcessHandle.of(pid)
                .flatMap(p -> p.info().startInstant())
                .map(java.time.Instant::toEpochMilli)
                .orElse(soakStartedMillis);
        double offsetSeconds = (soakStartedMillis - jvmStartMillis) / 1000.0;
        List<double[]> points = new ArrayList<>();
        for (String line : Files.readAllLines(gcLog)) {
            Matcher matcher = HEAP_AFTER_GC.matcher(line);
            if (matcher.find()) {
                double minute = (Double.parseDouble(matcher.group(1)) - offsetSeconds) / 60;
                if (minute >= 0) {
                    points.add(new double[] {minute, Double.parseDouble(matcher.group(2))});
                }
            }
        }
        return points;
    }

    private static void report(List<Minute> minutes, List<double[]> heap, double max, double target) {
        System.out.println(
                "| minute | requests | errors | p50 ms | p99 ms | RSS MiB (max) | heap after GC MiB (min) |");
        System.out.println("|---|---|---|---|---|---|---|");
        int errors = 0;
        for (Minute minute : minutes) {
            errors += minute.errors.get();
            double heapFloor = heapFloor(heap, minute.number - 1);
            System.out.printf(
                    Locale.ROOT,
                    "| %d | %d | %d | %.1f | %.1f | %d | %.0f |%n",
                    minute.number,
                    minute.latencies.size(),
                    minute.errors.get(),
                    minute.percentile(0.50),
                    minute.percentile(0.99),
                    minute.rssMib.stream().mapToLong(Long::longValue).max().orElse(-1),
                    heapFloor);
        }
        Minute first = minutes.getFirst();
        Minute last = minutes.getLast();
        double p99First = first.percentile(0.99);
        double p99Last = last.percentile(0.99);
        double heapWarm = heapFloor(heap, 1);
        double heapLast = heapFloor(heap, minutes.size() - 1);
        System.out.printf(
                Locale.ROOT,
                "max %.0f req/s, soak %.0f req/s; errors %d; p99 first minute %.1f ms, last "
                        + "minute %.1f ms; heap after GC (min) second minute %.0f MiB, last minute %.0f MiB%n",
                max,
                target,
                errors,
                p99First,
                p99Last,
                heapWarm,
                heapLast);
        System.out.println("verdict: errors " + (errors == 0 ? "none (pass)" : errors + " (FAIL)")
                + "; p99 " + (p99Last <= Math.max(p99First * 1.5, p99First + 5) ? "stable (pass)" : "grew (FAIL)")
                + "; heap after GC "
                + (minutes.size() < 3 || Double.isNaN(heapWarm) || Double.isNaN(heapLast)
                        ? "not judged (needs 3 minutes or more)"
                        : heapLast <= heapWarm * 1.25 + 8 ? "flat after warm-up (pass)" : "grew (FAIL)"));
    }

    /** The smallest heap left after a collection during minute {@code index} of the soak (NaN: no collection). */
    private static double heapFloor(List<double[]> heap, int index) {
        return heap.stream()
                .filter(point -> (int) point[0] == index)
                .mapToDouble(point -> point[1])
                .min()
                .orElse(Double.NaN);
    }

    /** What one minute of the soak saw. */
    private static final class Minute {
        final int number;
        final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        final AtomicInteger errors = new AtomicInteger();
        final List<Long> rssMib = new CopyOnWriteArrayList<>();

        Minute(int number) {
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
