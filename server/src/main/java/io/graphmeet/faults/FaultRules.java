package io.graphmeet.faults;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * One node's fault rules, in memory: set, listed and removed by the operator, consulted by every Graph request.
 * With no rules, consulting them is one volatile read. Rules are tried in the order they were added and at most one
 * applies to a request; a rule's {@code times} are counted exactly once however many requests race for them, and a
 * rule drawing at a rate makes its draws in the order requests reach it, so the same seed and the same order of
 * requests fail the same requests. A rule leaves once its times are used up or its time to live has passed.
 */
public final class FaultRules {

    private static final Armed[] NONE = new Armed[0];

    private final Clock clock;
    private volatile Armed[] armed = NONE;

    public FaultRules(Clock clock) {
        this.clock = clock;
    }

    /** Whether no rule is set, so no request can be touched. */
    public boolean isEmpty() {
        return armed.length == 0;
    }

    /** Sets {@code rule} after those already set and returns it as it now stands. */
    public synchronized ActiveFault add(FaultRule rule) {
        FaultRule seeded = rule.seededWith(ThreadLocalRandom.current().nextLong());
        Instant expiresAt = seeded.ttl() == null ? null : clock.instant().plus(seeded.ttl());
        Armed added = new Armed(UUID.randomUUID().toString(), seeded, expiresAt);
        Armed[] grown = Arrays.copyOf(armed, armed.length + 1);
        grown[grown.length - 1] = added;
        armed = grown;
        return added.snapshot();
    }

    /** The rules in force, in the order they are tried. */
    public List<ActiveFault> list() {
        dropExpired();
        return Arrays.stream(armed).map(Armed::snapshot).toList();
    }

    public Optional<ActiveFault> get(String id) {
        return list().stream().filter(fault -> fault.id().equals(id)).findFirst();
    }

    /** Removes the rule; false if no rule in force has that id. */
    public boolean remove(String id) {
        dropExpired();
        return removeIf(rule -> rule.id.equals(id)) > 0;
    }

    /** Removes every rule; returns how many there were. */
    public int clear() {
        dropExpired();
        return removeIf(rule -> true);
    }

    /** The error or latency rule that applies to {@code target} before its endpoint runs, if one does. */
    public Optional<TriggeredFault> beforeEndpoint(FaultTarget target) {
        return trigger(target, false);
    }

    /** The commit-then-fail rule that applies to {@code target} once its endpoint has committed, if one does. */
    public Optional<TriggeredFault> afterCommit(FaultTarget target) {
        return trigger(target, true);
    }

    private Optional<TriggeredFault> trigger(FaultTarget target, boolean afterCommit) {
        Armed[] current = armed;
        if (current.length == 0) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        for (Armed rule : current) {
            if (rule.rule.effect().afterCommit() != afterCommit
                    || !rule.rule.match().matches(target)) {
                continue;
            }
            if (rule.expiredAt(now)) {
                removeIf(candidate -> candidate == rule);
                continue;
            }
            if (rule.fires()) {
                if (rule.usedUp()) {
                    removeIf(candidate -> candidate == rule);
                }
                return Optional.of(new TriggeredFault(rule.id, rule.rule.effect()));
            }
        }
        return Optional.empty();
    }

    private void dropExpired() {
        Instant now = clock.instant();
        if (Arrays.stream(armed).anyMatch(rule -> rule.expiredAt(now))) {
            removeIf(rule -> rule.expiredAt(now));
        }
    }

    private synchronized int removeIf(Predicate<Armed> leaving) {
        List<Armed> kept = new ArrayList<>(armed.length);
        for (Armed rule : armed) {
            if (!leaving.test(rule)) {
                kept.add(rule);
            }
        }
        int removed = armed.length - kept.size();
        if (removed > 0) {
            armed = kept.isEmpty() ? NONE : kept.toArray(NONE);
        }
        return removed;
    }

    /** A rule in force with what it has used up: its remaining times and its place in its seeded draws. */
    private static final class Armed {

        private final String id;
        private final FaultRule rule;
        private final Instant expiresAt;
        private final AtomicInteger remaining;
        private final SplittableRandom draws;

        Armed(String id, FaultRule rule, Instant expiresAt) {
            this.id = id;
            this.rule = rule;
            this.expiresAt = expiresAt;
            this.remaining = rule.times() == null ? null : new AtomicInteger(rule.times());
            this.draws = rule.rate() == null ? null : new SplittableRandom(rule.seed());
        }

        boolean expiredAt(Instant now) {
            return expiresAt != null && !now.isBefore(expiresAt);
        }

        /** Whether the rule applies to this matching request: it wins its draw, then claims one of its times. */
        boolean fires() {
            if (draws != null) {
                double draw;
                synchronized (draws) {
                    draw = draws.nextDouble();
                }
                if (draw >= rule.rate()) {
                    return false;
                }
            }
            if (remaining == null) {
                return true;
            }
            int left = remaining.get();
            while (left > 0) {
                if (remaining.compareAndSet(left, left - 1)) {
                    return true;
                }
                left = remaining.get();
            }
            return false;
        }

        boolean usedUp() {
            return remaining != null && remaining.get() == 0;
        }

        ActiveFault snapshot() {
            return new ActiveFault(id, rule, remaining == null ? null : remaining.get(), expiresAt);
        }
    }
}
