package io.graphmeet.testkit.journal;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * How many journaled requests match a pattern, asserted: {@link #calledTimes}, {@link #calledAtLeast},
 * {@link #neverCalled}. A failure is an {@link AssertionError} that names the pattern, the count and the near
 * misses (the requests that failed the fewest conditions, with the conditions they failed).
 *
 * <p>The journal records a request as its answer leaves, so a client may read its answer a moment before the
 * journal has it: while too few requests match, the journal is read again for up to {@link #SETTLE}; too many
 * fail at once.
 */
public final class Verification {

    /** How long a count that is still too low is read again before it fails. */
    public static final Duration SETTLE = Duration.ofSeconds(2);

    private static final int NEAR_MISSES = 5;
    private static final Duration POLL = Duration.ofMillis(20);

    private final RequestPattern pattern;
    private final Supplier<List<JournalEntry>> journal;
    private final Duration settle;

    Verification(RequestPattern pattern, Supplier<List<JournalEntry>> journal) {
        this(pattern, journal, SETTLE);
    }

    Verification(RequestPattern pattern, Supplier<List<JournalEntry>> journal, Duration settle) {
        this.pattern = pattern;
        this.journal = journal;
        this.settle = settle;
    }

    /** Exactly {@code times} matching requests. */
    public List<JournalEntry> calledTimes(int times) {
        return expect("exactly " + times, count -> count == times, count -> count < times);
    }

    /** Exactly one matching request, answered. */
    public JournalEntry calledOnce() {
        return calledTimes(1).get(0);
    }

    /** At least {@code times} matching requests. */
    public List<JournalEntry> calledAtLeast(int times) {
        return expect("at least " + times, count -> count >= times, count -> count < times);
    }

    /** No matching request. */
    public void neverCalled() {
        expect("no", count -> count == 0, count -> false);
    }

    /** The matching requests, oldest first, without asserting anything. */
    public List<JournalEntry> matching() {
        return journal.get().stream().filter(pattern::matches).toList();
    }

    private List<JournalEntry> expect(String expected, IntPredicate holds, IntPredicate mayStillArrive) {
        long deadline = System.nanoTime() + settle.toNanos();
        while (true) {
            List<JournalEntry> all = journal.get();
            List<JournalEntry> matching = all.stream().filter(pattern::matches).toList();
            if (holds.test(matching.size())) {
                return matching;
            }
            if (!mayStillArrive.test(matching.size()) || System.nanoTime() > deadline) {
                throw new AssertionError(failure(expected, matching, all));
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while reading the request journal", e);
            }
        }
    }

    private String failure(String expected, List<JournalEntry> matching, List<JournalEntry> all) {
        StringBuilder message = new StringBuilder("Expected ")
                .append(expected)
                .append(" request(s) matching ")
                .append(pattern)
                .append(", but ")
                .append(matching.size())
                .append(" matched")
                .append(" among ")
                .append(all.size())
                .append(" journaled.");
        if (!matching.isEmpty()) {
            message.append("\nMatching:");
            matching.forEach(entry -> message.append("\n  ").append(entry.describe()));
        }
        List<JournalEntry> nearMisses = all.stream()
                .filter(entry -> !pattern.matches(entry))
                .sorted(Comparator.comparingInt((JournalEntry entry) ->
                                pattern.mismatches(entry).size())
                        .thenComparing(
                                Comparator.comparingLong(JournalEntry::sequence).reversed()))
                .limit(NEAR_MISSES)
                .toList();
        if (nearMisses.isEmpty()) {
            message.append("\nNo near misses: no other request was journaled.");
        } else {
            message.append("\nNear misses (closest first):");
            nearMisses.forEach(entry -> message.append("\n  ")
                    .append(entry.describe())
                    .append("\n      ")
                    .append(pattern.mismatches(entry).stream().collect(Collectors.joining("; "))));
        }
        return message.toString();
    }
}
