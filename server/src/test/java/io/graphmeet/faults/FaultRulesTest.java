package io.graphmeet.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphmeet.observe.GraphOperation;
import io.graphmeet.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A node's fault rules: which request each applies to, how often, for how long, and nothing when none is set. */
class FaultRulesTest {

    private static final FaultTarget MEGAN_CREATES =
            new FaultTarget(GraphOperation.CREATE_OR_GET, "contoso", "bot", "megan");
    private static final FaultEffect UNAVAILABLE = new FaultEffect.Error(503, null);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T10:00:00Z"));
    private final FaultRules rules = new FaultRules(clock);

    @Test
    void withNoRuleNoRequestIsTouched() {
        assertThat(rules.isEmpty()).isTrue();
        assertThat(rules.beforeEndpoint(MEGAN_CREATES)).isEmpty();
        assertThat(rules.afterCommit(MEGAN_CREATES)).isEmpty();
    }

    @Test
    void theNextNMatchingRequestsFailThenTheRuleLeaves() {
        String id =
                rules.add(new FaultRule(null, UNAVAILABLE, 2, null, null, null)).id();

        assertThat(rules.beforeEndpoint(MEGAN_CREATES)).contains(new TriggeredFault(id, UNAVAILABLE));
        assertThat(rules.get(id).orElseThrow().remaining()).isEqualTo(1);
        assertThat(rules.beforeEndpoint(MEGAN_CREATES)).isPresent();
        assertThat(rules.beforeEndpoint(MEGAN_CREATES)).isEmpty();
        assertThat(rules.isEmpty()).isTrue();
    }

    @Test
    void theNextNAreCountedExactlyOnceHoweverManyRequestsRace() throws Exception {
        for (int round = 0; round < 20; round++) {
            FaultRules racing = new FaultRules(clock);
            racing.add(new FaultRule(null, UNAVAILABLE, 7, null, null, null));
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> outcomes = new ArrayList<>();
            try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
                for (int i = 0; i < 64; i++) {
                    outcomes.add(threads.submit(() -> {
                        start.await();
                        return racing.beforeEndpoint(MEGAN_CREATES).isPresent();
                    }));
                }
                start.countDown();
                int failed = 0;
                for (Future<Boolean> outcome : outcomes) {
                    failed += outcome.get(10, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertThat(failed).as("round " + round).isEqualTo(7);
            }
        }
    }

    @Test
    void aSeededRateFailsTheSameRequestsForTheSameSeedAndOrder() {
        List<Boolean> first = draws(42, 0.3, 200);
        List<Boolean> second = draws(42, 0.3, 200);
        List<Boolean> otherSeed = draws(43, 0.3, 200);

        assertThat(second).isEqualTo(first);
        assertThat(otherSeed).isNotEqualTo(first);
        assertThat(first.stream().filter(failed -> failed).count()).isBetween(40L, 80L);
    }

    @Test
    void aRateOfZeroNeverAppliesAndARateOfOneAlwaysDoes() {
        assertThat(draws(7, 0.0, 100)).containsOnly(false);
        assertThat(draws(7, 1.0, 100)).containsOnly(true);
    }

    @Test
    void aRateWithoutASeedIsGivenOneThatReplaysTheSameDraws() {
        ActiveFault added = rules.add(new FaultRule(null, UNAVAILABLE, null, 0.5, null, null));
        List<Boolean> drawn = IntStream.range(0, 100)
                .mapToObj(i -> rules.beforeEndpoint(MEGAN_CREATES).isPresent())
                .toList();

        assertThat(added.rule().seed()).isNotNull();
        assertThat(draws(added.rule().seed(), 0.5, 100)).isEqualTo(drawn);
    }

    @Test
    void aRuleExpiresWhenItsTimeToLiveHasPassed() {
        ActiveFault added = rules.add(new FaultRule(null, UNAVAILABLE, null, null, null, Duration.ofMinutes(10)));
        assertThat(added.expiresAt()).isEqualTo(Instant.parse("2026-11-30T10:10:00Z"));

        clock.advance(Duration.ofMinutes(10).minusMillis(1));
        assertThat(rules.beforeEndpoint(MEGAN_CREATES)).isPresent();

        clock.advance(Duration.ofMillis(1));
        assertThat(rules.beforeEndpoint(MEGAN_CREATES)).isEmpty();
        assertThat(rules.list()).isEmpty();
    }

    @Test
    void aRuleMatchesOnlyItsOperationTenantAppAndUser() {
        rules.add(new FaultRule(
                new FaultMatch(GraphOperation.CREATE_OR_GET, "Contoso", "BOT", "megan"),
                UNAVAILABLE,
                null,
                null,
                null,
                null));

        assertThat(rules.beforeEndpoint(MEGAN_CREATES))
                .as("ids match whatever their case")
                .isPresent();
        assertThat(rules.beforeEndpoint(new FaultTarget(GraphOperation.GET, "contoso", "bot", "megan")))
                .isEmpty();
        assertThat(rules.beforeEndpoint(new FaultTarget(GraphOperation.CREATE_OR_GET, "fabrikam", "bot", "megan")))
                .isEmpty();
        assertThat(rules.beforeEndpoint(new FaultTarget(GraphOperation.CREATE_OR_GET, "contoso", "other", "megan")))
                .isEmpty();
        assertThat(rules.beforeEndpoint(new FaultTarget(GraphOperation.CREATE_OR_GET, "contoso", null, "megan")))
                .isEmpty();
        assertThat(rules.beforeEndpoint(new FaultTarget(GraphOperation.CREATE_OR_GET, "contoso", "bot", "adele")))
                .isEmpty();
    }

    @Test
    void rulesAreTriedInOrderAndAtMostOneApplies() {
        FaultEffect slow = new FaultEffect.Latency(10);
        String otherTenant = rules.add(new FaultRule(
                        new FaultMatch(null, "fabrikam", null, null), UNAVAILABLE, null, null, null, null))
                .id();
        String first = rules.add(new FaultRule(null, slow, 1, null, null, null)).id();
        String second = rules.add(new FaultRule(null, UNAVAILABLE, null, null, null, null))
                .id();

        assertThat(rules.beforeEndpoint(MEGAN_CREATES)).contains(new TriggeredFault(first, slow));
        assertThat(rules.beforeEndpoint(MEGAN_CREATES)).contains(new TriggeredFault(second, UNAVAILABLE));
        assertThat(rules.list()).extracting(ActiveFault::id).containsExactly(otherTenant, second);
    }

    @Test
    void commitThenFailAppliesOnlyAfterCommitAndErrorsOnlyBefore() {
        FaultEffect lost = new FaultEffect.CommitThenFail(null, true);
        rules.add(new FaultRule(null, lost, null, null, null, null));

        assertThat(rules.beforeEndpoint(MEGAN_CREATES)).isEmpty();
        assertThat(rules.afterCommit(MEGAN_CREATES)).map(TriggeredFault::effect).contains(lost);
        assertThat(rules.afterCommit(MEGAN_CREATES).orElseThrow().applied().effect())
                .isEqualTo("committed, then closed the connection without an answer");
    }

    @Test
    void removingAndClearingTakeRulesAway() {
        String id = rules.add(new FaultRule(null, UNAVAILABLE, null, null, null, null))
                .id();
        rules.add(new FaultRule(null, UNAVAILABLE, null, null, null, null));

        assertThat(rules.remove(id)).isTrue();
        assertThat(rules.remove(id)).isFalse();
        assertThat(rules.clear()).isEqualTo(1);
        assertThat(rules.isEmpty()).isTrue();
    }

    private List<Boolean> draws(long seed, double rate, int requests) {
        FaultRules seeded = new FaultRules(clock);
        seeded.add(new FaultRule(null, UNAVAILABLE, null, rate, seed, null));
        return IntStream.range(0, requests)
                .mapToObj(i -> seeded.beforeEndpoint(MEGAN_CREATES).isPresent())
                .toList();
    }
}
