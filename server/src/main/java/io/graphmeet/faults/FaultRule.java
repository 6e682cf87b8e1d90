package io.graphmeet.faults;

import java.time.Duration;

/**
 * A fault rule as asked for: which requests, what happens to them, how often — the next {@code times} matching
 * requests, or each matching request with probability {@code rate} drawn from a generator seeded with
 * {@code seed} (both may be given; neither means every matching request) — and for how long ({@code ttl}, null for
 * until removed).
 */
public record FaultRule(FaultMatch match, FaultEffect effect, Integer times, Double rate, Long seed, Duration ttl) {

    public FaultRule {
        match = match == null ? FaultMatch.ANY : match;
        if (effect == null) {
            throw new InvalidFaultRuleException("Property 'effect' is required.");
        }
        if (times != null && times < 1) {
            throw new InvalidFaultRuleException("Property 'times' must be at least 1, was " + times + ".");
        }
        if (rate != null && !(rate >= 0 && rate <= 1)) {
            throw new InvalidFaultRuleException("Property 'rate' must be between 0 and 1, was " + rate + ".");
        }
        if (seed != null && rate == null) {
            throw new InvalidFaultRuleException("Property 'seed' needs 'rate': it seeds the draws a rate makes.");
        }
        if (ttl != null && (ttl.isNegative() || ttl.isZero())) {
            throw new InvalidFaultRuleException(
                    "Property 'ttlSeconds' must be at least 1, was " + ttl.toSeconds() + ".");
        }
    }

    /** This rule with {@code chosen} as its seed, when it draws at a rate and was given none. */
    FaultRule seededWith(long chosen) {
        return rate == null || seed != null ? this : new FaultRule(match, effect, times, rate, chosen, ttl);
    }
}
