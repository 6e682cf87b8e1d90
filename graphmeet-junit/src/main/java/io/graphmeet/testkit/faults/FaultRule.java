package io.graphmeet.testkit.faults;

import io.graphmeet.observe.GraphOperation;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A fault rule to set: an effect (an error with Graph's body, an added latency, or "commit, then fail the
 * answer"), the requests it matches (every field optional) and how often it applies (the next N matching requests,
 * or a seeded random rate). Immutable; each method answers a new rule. Without {@link #times} or {@link #rate},
 * the rule applies to every matching request until it expires or is removed.
 */
public final class FaultRule {

    private final Map<String, Object> match;
    private final Map<String, Object> effect;
    private final Map<String, Object> frequency;

    private FaultRule(Map<String, Object> match, Map<String, Object> effect, Map<String, Object> frequency) {
        this.match = Map.copyOf(match);
        this.effect = Map.copyOf(effect);
        this.frequency = Map.copyOf(frequency);
    }

    /** Answers with Graph's error body and {@code status}: 429, 500, 503 or 504. */
    public static FaultRule error(int status) {
        return new FaultRule(Map.of(), Map.of("type", "error", "status", status), Map.of());
    }

    /** {@code 429 TooManyRequests} with {@code Retry-After: retryAfterSeconds}, as Graph throttles. */
    public static FaultRule throttle(int retryAfterSeconds) {
        return error(429).retryAfterSeconds(retryAfterSeconds);
    }

    /** Serves the request normally, {@code delay} later. */
    public static FaultRule latency(Duration delay) {
        return new FaultRule(Map.of(), Map.of("type", "latency", "millis", delay.toMillis()), Map.of());
    }

    /** Serves the request (a createOrGet stores its meeting), then answers {@code status} instead of its answer. */
    public static FaultRule commitThenFail(int status) {
        return new FaultRule(Map.of(), Map.of("type", "commitThenFail", "status", status), Map.of());
    }

    /** Serves the request, then drops the connection without an answer. */
    public static FaultRule commitThenDrop() {
        return new FaultRule(Map.of(), Map.of("type", "commitThenFail", "drop", true), Map.of());
    }

    /** The {@code Retry-After} header of an error effect. */
    public FaultRule retryAfterSeconds(int seconds) {
        return new FaultRule(match, with(effect, "retryAfterSeconds", seconds), frequency);
    }

    /** Only requests of {@code operation}. */
    public FaultRule on(GraphOperation operation) {
        return new FaultRule(with(match, "operation", operation.label()), effect, frequency);
    }

    /** Only requests to this tenant. */
    public FaultRule inTenant(String tenantId) {
        return new FaultRule(with(match, "tenantId", tenantId), effect, frequency);
    }

    /** Only requests made with tokens of this application. */
    public FaultRule byApp(String appId) {
        return new FaultRule(with(match, "appId", appId), effect, frequency);
    }

    /** Only requests addressing this user's meetings. */
    public FaultRule forUser(String userId) {
        return new FaultRule(with(match, "userId", userId), effect, frequency);
    }

    /** The next {@code count} matching requests, then no more. */
    public FaultRule times(int count) {
        return new FaultRule(match, effect, Map.of("times", count));
    }

    /** Each matching request with probability {@code rate}, drawn from a generator seeded with {@code seed}. */
    public FaultRule rate(double rate, long seed) {
        return new FaultRule(match, effect, Map.of("rate", rate, "seed", seed));
    }

    /** The rule expires {@code ttl} after it is set. */
    public FaultRule expiringAfter(Duration ttl) {
        return new FaultRule(match, effect, with(frequency, "ttlSeconds", ttl.toSeconds()));
    }

    /** The body of {@code POST /admin/v1/faults}. */
    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("match", match);
        body.put("effect", effect);
        body.putAll(frequency);
        return body;
    }

    @Override
    public String toString() {
        return body().toString();
    }

    private static Map<String, Object> with(Map<String, Object> fields, String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(fields);
        more.put(name, Objects.requireNonNull(value, name));
        return more;
    }
}
