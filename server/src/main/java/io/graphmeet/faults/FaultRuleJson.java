package io.graphmeet.faults;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.graphmeet.observe.GraphOperation;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A fault rule's one written form, shared by the admin API (JSON) and the seed file's {@code faults:} section
 * (YAML): <pre>{"match":{"operation","tenantId","appId","userId"},
 * "effect":{"type":"error","status","retryAfterSeconds"} | {"type":"latency","millis"}
 *        | {"type":"commitThenFail","status"} | {"type":"commitThenFail","drop":true},
 * "times", "rate", "seed", "ttlSeconds"}</pre>
 * Reading refuses unknown properties, values of the wrong type and values out of range with an
 * {@link InvalidFaultRuleException} naming the property.
 */
public final class FaultRuleJson {

    /** The effect types, as written. */
    public static final List<String> EFFECT_TYPES = List.of("error", "latency", "commitThenFail");

    private static final List<String> OPERATIONS = Arrays.stream(GraphOperation.values())
            .filter(operation -> operation != GraphOperation.UNMATCHED)
            .map(GraphOperation::label)
            .toList();

    private FaultRuleJson() {}

    /** The rule {@code node} describes. */
    public static FaultRule read(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new InvalidFaultRuleException("A fault rule must be an object.");
        }
        Fields rule = new Fields(node, "").only("match", "effect", "times", "rate", "seed", "ttlSeconds");
        Fields effect = rule.object("effect");
        if (effect == null) {
            throw new InvalidFaultRuleException("Property 'effect' is required.");
        }
        Integer ttlSeconds = rule.integer("ttlSeconds");
        return new FaultRule(
                match(rule.object("match")),
                effect(effect),
                rule.integer("times"),
                rule.decimal("rate"),
                rule.longInteger("seed"),
                ttlSeconds == null ? null : Duration.ofSeconds(ttlSeconds));
    }

    /** {@code fault} as the admin API answers it: the rule as written, plus its id, remaining times and expiry. */
    public static View view(ActiveFault fault) {
        FaultRule rule = fault.rule();
        FaultMatch match = rule.match();
        return new View(
                fault.id(),
                new MatchView(
                        match.operation() == null ? null : match.operation().label(),
                        match.tenantId(),
                        match.appId(),
                        match.userId()),
                effectView(rule.effect()),
                rule.times(),
                rule.rate(),
                rule.seed(),
                rule.ttl() == null ? null : rule.ttl().toSeconds(),
                fault.remaining(),
                fault.expiresAt() == null ? null : fault.expiresAt().toString());
    }

    /**
     * A rule as the admin API shows it: what was not given is left out, but {@code remaining} (null: no limit) and
     * {@code expiresAt} (null: never) are always there.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record View(
            String id,
            MatchView match,
            EffectView effect,
            Integer times,
            Double rate,
            Long seed,
            Long ttlSeconds,
            @JsonInclude(JsonInclude.Include.ALWAYS) Integer remaining,
            @JsonInclude(JsonInclude.Include.ALWAYS) String expiresAt) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MatchView(String operation, String tenantId, String appId, String userId) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EffectView(String type, Integer status, Integer retryAfterSeconds, Long millis, Boolean drop) {}

    private static EffectView effectView(FaultEffect effect) {
        return switch (effect) {
            case FaultEffect.Error error ->
                new EffectView("error", error.status(), error.retryAfterSeconds(), null, null);
            case FaultEffect.Latency latency -> new EffectView("latency", null, null, latency.millis(), null);
            case FaultEffect.CommitThenFail lost ->
                new EffectView("commitThenFail", lost.status(), null, null, lost.drop() ? Boolean.TRUE : null);
        };
    }

    private static FaultMatch match(Fields match) {
        if (match == null) {
            return FaultMatch.ANY;
        }
        match.only("operation", "tenantId", "appId", "userId");
        String operation = match.string("operation");
        if (operation != null && !OPERATIONS.contains(operation)) {
            throw new InvalidFaultRuleException(
                    "Property 'match.operation' must be one of " + OPERATIONS + ", was '" + operation + "'.");
        }
        return new FaultMatch(
                operation == null ? null : GraphOperation.ofLabel(operation),
                match.string("tenantId"),
                match.string("appId"),
                match.string("userId"));
    }

    private static FaultEffect effect(Fields effect) {
        String type = effect.string("type");
        if (type == null) {
            throw new InvalidFaultRuleException("Property 'effect.type' is required: one of " + EFFECT_TYPES + ".");
        }
        return switch (type) {
            case "error" -> {
                effect.only("type", "status", "retryAfterSeconds");
                Integer status = effect.integer("status");
                if (status == null) {
                    throw new InvalidFaultRuleException("Property 'effect.status' is required for an error: one of "
                            + FaultEffect.ERROR_STATUSES + ".");
                }
                yield new FaultEffect.Error(status, effect.integer("retryAfterSeconds"));
            }
            case "latency" -> {
                effect.only("type", "millis");
                Long millis = effect.longInteger("millis");
                if (millis == null) {
                    throw new InvalidFaultRuleException("Property 'effect.millis' is required for latency.");
                }
                yield new FaultEffect.Latency(millis);
            }
            case "commitThenFail" -> {
                effect.only("type", "status", "drop");
                yield new FaultEffect.CommitThenFail(
                        effect.integer("status"), Boolean.TRUE.equals(effect.bool("drop")));
            }
            default ->
                throw new InvalidFaultRuleException(
                        "Property 'effect.type' must be one of " + EFFECT_TYPES + ", was '" + type + "'.");
        };
    }

    /** One object of the written rule, read property by property; absent and null read as null. */
    private record Fields(JsonNode node, String path) {

        Fields only(String... allowed) {
            Set<String> known = Set.of(allowed);
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!known.contains(name)) {
                    throw new InvalidFaultRuleException("Unknown property '" + path + name + "'; expected one of "
                            + String.join(", ", allowed) + ".");
                }
            }
            return this;
        }

        Fields object(String name) {
            JsonNode value = value(name);
            if (value != null && !value.isObject()) {
                throw refused(name, "must be an object");
            }
            return value == null ? null : new Fields(value, path + name + ".");
        }

        String string(String name) {
            JsonNode value = value(name);
            if (value != null && !value.isTextual()) {
                throw refused(name, "must be a string");
            }
            return value == null ? null : value.textValue();
        }

        Boolean bool(String name) {
            JsonNode value = value(name);
            if (value != null && !value.isBoolean()) {
                throw refused(name, "must be true or false");
            }
            return value == null ? null : value.booleanValue();
        }

        Integer integer(String name) {
            JsonNode value = value(name);
            if (value != null && !(value.isIntegralNumber() && value.canConvertToInt())) {
                throw refused(name, "must be a whole number");
            }
            return value == null ? null : value.intValue();
        }

        Long longInteger(String name) {
            JsonNode value = value(name);
            if (value != null && !(value.isIntegralNumber() && value.canConvertToLong())) {
                throw refused(name, "must be a whole number");
            }
            return value == null ? null : value.longValue();
        }

        Double decimal(String name) {
            JsonNode value = value(name);
            if (value != null && !value.isNumber()) {
                throw refused(name, "must be a number");
            }
            return value == null ? null : value.doubleValue();
        }

        private JsonNode value(String name) {
            JsonNode value = node.get(name);
            return value == null || value.isNull() ? null : value;
        }

        private InvalidFaultRuleException refused(String name, String problem) {
            return new InvalidFaultRuleException(
                    "Property '" + path + name + "' " + problem + ", was " + node.get(name) + ".");
        }
    }
}
