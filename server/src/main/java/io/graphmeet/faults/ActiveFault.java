package io.graphmeet.faults;

import java.time.Instant;

/**
 * A rule as it stands on this node: its id, the rule (with the seed it draws from, chosen at random if none was
 * given), how many of its {@code times} are left (null when unlimited) and when it expires (null for never).
 */
public record ActiveFault(String id, FaultRule rule, Integer remaining, Instant expiresAt) {}
