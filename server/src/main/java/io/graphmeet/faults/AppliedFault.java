package io.graphmeet.faults;

/**
 * A scripted fault that shaped one request's answer: the rule that matched and what it did, in words (for
 * example {@code "error 429, Retry-After 5"} or {@code "committed, then answered 503"}).
 */
public record AppliedFault(String ruleId, String effect) {}
