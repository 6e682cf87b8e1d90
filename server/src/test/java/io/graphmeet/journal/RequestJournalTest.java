package io.graphmeet.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RequestJournalTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00.123Z");

    static JournalEntry.Recorded request(String operation, int status, String externalId) {
        return request(operation, status, externalId, null);
    }

    static JournalEntry.Recorded request(String operation, int status, String externalId, JournalBody body) {
        return new JournalEntry.Recorded(
                NOW,
                "request-id",
                null,
                operation,
                "POST",
                "/v1.0/me/onlineMeetings",
                null,
                status,
                null,
                1.5,
                null,
                null,
                externalId,
                null,
                body,
                null,
                null);
    }

    private static List<String> externalIds(List<JournalEntry> entries) {
        return entries.stream().map(entry -> entry.request().externalId()).toList();
    }

    @Test
    void keepsTheLastRequestsOfEachTenantOldestFirst() {
        RequestJournal journal = new RequestJournal(3, 10, Long.MAX_VALUE, 1024);
        for (int i = 1; i <= 5; i++) {
            journal.append("t1", request("createOrGet", 201, "e" + i));
        }
        journal.append("t2", request("createOrGet", 201, "other"));

        assertThat(externalIds(journal.entries("t1", JournalQuery.ALL))).containsExactly("e3", "e4", "e5");
        assertThat(externalIds(journal.entries("t2", JournalQuery.ALL))).containsExactly("other");
        assertThat(journal.entries("t3", JournalQuery.ALL)).isEmpty();
    }

    @Test
    void dropsTheLeastRecentlyUsedTenantPastTheTenantBound() {
        RequestJournal journal = new RequestJournal(10, 2, Long.MAX_VALUE, 1024);
        journal.append("t1", request("get", 200, "a"));
        journal.append("t2", request("get", 200, "b"));
        journal.append("t1", request("get", 200, "c")); // t1 is now more recent than t2

        journal.append("t3", request("get", 200, "d"));

        assertThat(externalIds(journal.entries("t1", JournalQuery.ALL))).containsExactly("a", "c");
        assertThat(journal.entries("t2", JournalQuery.ALL)).isEmpty();
        assertThat(externalIds(journal.entries("t3", JournalQuery.ALL))).containsExactly("d");
    }

    @Test
    void staysWithinTheByteBoundByDroppingTheLeastRecentlyUsedTenantsThenTheOldestEntries() {
        byte[] kilobyte = ("{\"x\":\"" + "y".repeat(1000) + "\"}").getBytes(StandardCharsets.UTF_8);
        JournalBody body = JournalBody.ofResponse(kilobyte, 4096, false);
        RequestJournal journal = new RequestJournal(1000, 100, 20_000, 4096);
        for (int i = 0; i < 10; i++) {
            journal.append("old", request("get", 200, "old-" + i, body));
        }
        for (int i = 0; i < 40; i++) {
            journal.append("new", request("get", 200, "new-" + i, body));
            assertThat(journal.bytes()).isLessThanOrEqualTo(20_000);
        }

        assertThat(journal.entries("old", JournalQuery.ALL)).isEmpty();
        List<String> kept = externalIds(journal.entries("new", JournalQuery.ALL));
        assertThat(kept).isNotEmpty().endsWith("new-39").doesNotContain("new-0");
        assertThat(journal.bytes())
                .isEqualTo(kept.size()
                        * journal.entries("new", JournalQuery.ALL).getFirst().weight());
    }

    @Test
    void filtersByOperationStatusAndExternalId() {
        RequestJournal journal = new RequestJournal(100, 10, Long.MAX_VALUE, 1024);
        journal.append("t", request("createOrGet", 201, "x"));
        journal.append("t", request("createOrGet", 200, "x"));
        journal.append("t", request("get", 200, "x"));
        journal.append("t", request("createOrGet", 403, "y"));

        assertThat(journal.entries("t", new JournalQuery("createOrGet", null, "x", null, null)))
                .extracting(entry -> entry.request().status())
                .containsExactly(201, 200);
        assertThat(journal.entries("t", new JournalQuery(null, 200, null, null, null)))
                .extracting(entry -> entry.request().operation())
                .containsExactly("createOrGet", "get");
        assertThat(externalIds(journal.entries("t", new JournalQuery(null, 403, null, null, null))))
                .containsExactly("y");
    }

    @Test
    void afterGivesOnlyNewerEntriesAndTopTheOldestOfThemElseTheNewest() {
        RequestJournal journal = new RequestJournal(100, 10, Long.MAX_VALUE, 1024);
        List<Long> sequences = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            sequences.add(journal.append("t", request("get", 200, "e" + i)).sequence());
        }
        journal.append("other", request("get", 200, "elsewhere"));

        assertThat(sequences).isSorted().doesNotHaveDuplicates();
        assertThat(externalIds(journal.entries("t", new JournalQuery(null, null, null, sequences.get(2), null))))
                .containsExactly("e3", "e4", "e5");
        assertThat(externalIds(journal.entries("t", new JournalQuery(null, null, null, sequences.get(2), 2))))
                .containsExactly("e3", "e4");
        assertThat(externalIds(journal.entries("t", new JournalQuery(null, null, null, null, 2))))
                .containsExactly("e4", "e5");
        assertThat(journal.entries("t", new JournalQuery(null, null, null, sequences.get(5), null)))
                .isEmpty();
    }

    @Test
    void clearingForgetsATenantsEntriesAndLaterOnesNumberOn() {
        RequestJournal journal = new RequestJournal(100, 10, Long.MAX_VALUE, 1024);
        long before = journal.append("t", request("get", 200, "a")).sequence();
        journal.append("u", request("get", 200, "kept"));

        journal.clear("t");

        assertThat(journal.entries("t", JournalQuery.ALL)).isEmpty();
        assertThat(externalIds(journal.entries("u", JournalQuery.ALL))).containsExactly("kept");
        assertThat(journal.append("t", request("get", 200, "b")).sequence()).isGreaterThan(before);
    }

    @Test
    void anOffJournalKeepsNothing() {
        RequestJournal off = new RequestJournal(0, 10, Long.MAX_VALUE, 1024);

        assertThat(off.enabled()).isFalse();
        assertThat(off.append("t", request("get", 200, "a"))).isNull();
        assertThat(off.entries("t", JournalQuery.ALL)).isEmpty();
        assertThat(RequestJournal.off().enabled()).isFalse();
    }

    @Test
    void manyThreadsAppendingAtOnceLoseNothingAndNumberEachEntryOnce() throws Exception {
        int threads = 16;
        int perThread = 2_000;
        int tenants = 4;
        RequestJournal journal = new RequestJournal(threads * perThread, tenants, Long.MAX_VALUE, 1024);
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        journal.append("tenant-" + (i % tenants), request("get", 200, thread + "-" + i));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
        }

        Set<Long> sequences = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (int t = 0; t < tenants; t++) {
            List<JournalEntry> entries = journal.entries("tenant-" + t, JournalQuery.ALL);
            assertThat(entries).hasSize(threads * perThread / tenants);
            assertThat(entries).extracting(JournalEntry::sequence).isSorted();
            entries.forEach(entry -> {
                sequences.add(entry.sequence());
                ids.add(entry.request().externalId());
            });
        }
        assertThat(sequences).hasSize(threads * perThread);
        assertThat(ids).hasSize(threads * perThread);
    }
}
