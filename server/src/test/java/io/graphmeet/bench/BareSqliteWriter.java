package io.graphmeet.bench;

import io.graphmeet.meetings.MeetingIds;
import io.graphmeet.meetings.RandomMeetingIdentifiers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The embedded storage limit without graphmeet in the way: 64 submitters hand rows to one writer thread, which
 * inserts everything waiting in one transaction and commits it durably (WAL, {@code synchronous=FULL}), as large
 * a batch as the load allows. Schema, settings of the writer connection and row bytes are graphmeet's: the
 * schema and one row are copied from a database graphmeet wrote, and each insert gets fresh identifiers from
 * graphmeet's own generators. Prints "inserts/s p50ms p99ms p99.9ms meanBatch".
 * Args: graphmeet database file, scratch folder, warm-up seconds, measured seconds, [submitters].
 */
public final class BareSqliteWriter {

    private static final int MAX_BATCH = 256;

    private BareSqliteWriter() {}

    public static void main(String[] args) throws Exception {
        Path source = Path.of(args[0]);
        Path scratch = Path.of(args[1]);
        int warmupSeconds = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int submitters = args.length > 4 ? Integer.parseInt(args[4]) : 64;
        Files.createDirectories(scratch);
        Path target = scratch.resolve("bare.db");
        for (String suffix : List.of("", "-wal", "-shm")) {
            Files.deleteIfExists(Path.of(target + suffix));
        }

        List<String> schema = new ArrayList<>();
        String[] columns;
        Object[] template;
        try (Connection real = DriverManager.getConnection("jdbc:sqlite:" + source.toAbsolutePath());
                Statement statement = real.createStatement()) {
            try (ResultSet rows = statement.executeQuery("SELECT sql FROM sqlite_master WHERE tbl_name = 'meetings' "
                    + "AND sql IS NOT NULL ORDER BY type DESC")) {
                while (rows.next()) {
                    schema.add(rows.getString(1));
                }
            }
            try (ResultSet row =
                    statement.executeQuery("SELECT * FROM meetings WHERE external_id IS NOT NULL LIMIT 1")) {
                if (!row.next()) {
                    throw new IllegalStateException("no meeting in " + source);
                }
                ResultSetMetaData meta = row.getMetaData();
                columns = new String[meta.getColumnCount()];
                template = new Object[columns.length];
                for (int i = 0; i < columns.length; i++) {
                    columns[i] = meta.getColumnName(i + 1);
                    template[i] = row.getObject(i + 1);
                }
            }
        }

        try (Connection writer = DriverManager.getConnection("jdbc:sqlite:" + target.toAbsolutePath())) {
            try (Statement statement = writer.createStatement()) {
                // graphmeet's writer connection (store/Database): WAL, FULL, its page cache and checkpoint interval
                statement.execute("PRAGMA journal_mode=WAL");
                statement.execute("PRAGMA synchronous=FULL");
                statement.execute("PRAGMA cache_size=-32768");
                statement.execute("PRAGMA wal_autocheckpoint=10000");
                for (String ddl : schema) {
                    statement.execute(ddl);
                }
            }
            writer.setAutoCommit(false);
            String sql = "INSERT INTO meetings (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", java.util.Collections.nCopies(columns.length, "?"))
                    + ") ON CONFLICT DO NOTHING";
            Run run = new Run(writer.prepareStatement(sql), columns, template, submitters);
            run.measure(warmupSeconds, seconds);
        }
    }

    private record Pending(Object[] row, CompletableFuture<Void> done) {}

    private static final class Run {
        private final PreparedStatement insert;
        private final String[] columns;
        private final Object[] template;
        private final int submitters;
        private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
        private final RandomMeetingIdentifiers identifiers = new RandomMeetingIdentifiers(Clock.systemUTC());
        private volatile boolean stop;
        private final java.util.concurrent.atomic.AtomicInteger running =
                new java.util.concurrent.atomic.AtomicInteger();
        private volatile boolean measuring;
        private long batches;
        private long batched;

        Run(PreparedStatement insert, String[] columns, Object[] template, int submitters) {
            this.insert = insert;
            this.columns = columns;
            this.template = template;
            this.submitters = submitters;
        }

        void measure(int warmupSeconds, int seconds) throws Exception {
            Thread writer = Thread.ofPlatform().daemon().name("bare-writer").start(this::writeLoop);
            List<long[]> latencies = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            long[] counts = new long[submitters];
            for (int s = 0; s < submitters; s++) {
                int submitter = s;
                long[] mine = new long[1 << 16];
                latencies.add(mine);
                threads.add(Thread.ofPlatform()
                        .daemon()
                        .name("submitter-" + s)
                        .start(() -> submit(submitter, mine, counts)));
            }
            Thread.sleep(TimeUnit.SECONDS.toMillis(warmupSeconds));
            long startedBatches;
            long startedBatched;
            synchronized (this) {
                startedBatches = batches;
                startedBatched = batched;
            }
            measuring = true;
            long start = System.nanoTime();
            Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
            measuring = false;
            long elapsed = System.nanoTime() - start;
            long endBatches;
            long endBatched;
            synchronized (this) {
                endBatches = batches;
                endBatched = batched;
            }
            stop = true;
            for (Thread thread : threads) {
                thread.join();
            }
            writer.join();
            long total = Arrays.stream(counts).sum();
            long[] all = new long[(int) total];
            int at = 0;
            for (int s = 0; s < submitters; s++) {
                System.arraycopy(latencies.get(s), 0, all, at, (int) counts[s]);
                at += (int) counts[s];
            }
            Arrays.sort(all);
            System.out.printf(
                    "%.0f %.2f %.2f %.2f %.1f%n",
                    total / (elapsed / 1e9),
                    percentile(all, 50),
                    percentile(all, 99),
                    percentile(all, 99.9),
                    (endBatched - startedBatched) / (double) Math.max(1, endBatches - startedBatches));
        }

        private static double percentile(long[] sorted, double p) {
            if (sorted.length == 0) {
                return 0;
            }
            int index = (int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1);
            return sorted[Math.max(0, index)] / 1e6;
        }

        private void submit(int submitter, long[] latencies, long[] counts) {
            running.incrementAndGet();
            try {
                submitLoop(submitter, latencies, counts);
            } finally {
                running.decrementAndGet();
            }
        }

        private void submitLoop(int submitter, long[] latencies, long[] counts) {
            for (long i = 0; !stop; i++) {
                Object[] row = row(submitter, i);
                long began = System.nanoTime();
                Pending pending = new Pending(row, new CompletableFuture<>());
                queue.add(pending);
                try {
                    pending.done().join();
                } catch (java.util.concurrent.CompletionException stopped) {
                    return;
                }
                if (measuring && counts[submitter] < latencies.length) {
                    latencies[(int) counts[submitter]++] = System.nanoTime() - began;
                }
            }
        }

        /** The template row with what graphmeet makes fresh for every meeting made fresh the same way. */
        private Object[] row(int submitter, long i) {
            Object[] row = template.clone();
            String tenant = null;
            String organizer = null;
            for (int c = 0; c < columns.length; c++) {
                if (columns[c].equals("tenant_id")) {
                    tenant = (String) row[c];
                } else if (columns[c].equals("organizer_id")) {
                    organizer = (String) row[c];
                }
            }
            String thread = MeetingIds.threadId(identifiers.newThreadGuid());
            for (int c = 0; c < columns.length; c++) {
                switch (columns[c]) {
                    case "id" -> row[c] = MeetingIds.meetingId(organizer, thread);
                    case "thread_id" -> row[c] = thread;
                    case "external_id" ->
                        row[c] = "bench-" + UUID.randomUUID().toString().substring(0, 5) + "-" + submitter + "-" + i;
                    case "join_meeting_id" -> row[c] = identifiers.newJoinMeetingId();
                    case "join_web_url" ->
                        row[c] = MeetingIds.joinWebUrl("http://127.0.0.1:18080", thread, tenant, organizer);
                    default -> {
                        // the real meeting's bytes
                    }
                }
            }
            return row;
        }

        private boolean threadsWaiting() {
            return running.get() > 0;
        }

        private void writeLoop() {
            List<Pending> batch = new ArrayList<>(MAX_BATCH);
            try {
                while (!stop) {
                    Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    queue.drainTo(batch, MAX_BATCH - 1);
                    for (Pending pending : batch) {
                        for (int c = 0; c < pending.row().length; c++) {
                            insert.setObject(c + 1, pending.row()[c]);
                        }
                        insert.executeUpdate();
                    }
                    insert.getConnection().commit();
                    synchronized (this) {
                        batches++;
                        batched += batch.size();
                    }
                    batch.forEach(pending -> pending.done().complete(null));
                    batch.clear();
                }
                Pending left;
                while ((left = queue.poll(50, TimeUnit.MILLISECONDS)) != null || threadsWaiting()) {
                    if (left != null) {
                        left.done().completeExceptionally(new IllegalStateException("stopped"));
                    }
                }
            } catch (InterruptedException | SQLException e) {
                batch.forEach(pending -> pending.done().completeExceptionally(e));
                throw new IllegalStateException(e);
            }
        }
    }
}
