package io.graphmeet.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code fault add|list|remove|clear}: the scripted fault rules of the node the admin URL reaches, as
 * {@code /admin/v1/faults} takes them. The server checks every rule; a bad one prints its 400 and changes nothing.
 */
@Command(
        name = "fault",
        description = "Scripted faults on Graph requests (this node only, in memory): add, list, remove, clear.")
final class FaultCommand {

    @ParentCommand
    GraphmeetCli cli;

    /** Exactly one effect. */
    static final class Effect {
        @Option(
                names = "--error",
                required = true,
                paramLabel = "STATUS",
                description = "Answer Graph's error instead of serving: 429, 500, 503 or 504.")
        Integer error;

        @Option(
                names = "--latency",
                required = true,
                paramLabel = "MILLIS",
                description = "Serve the request after this many milliseconds (at most 60000).")
        Long latency;

        @Option(
                names = "--commit-then-fail",
                required = true,
                paramLabel = "STATUS",
                description = "Serve and commit the request, then answer 500, 503 or 504 instead.")
        Integer commitThenFail;

        @Option(
                names = "--drop",
                required = true,
                description = "Serve and commit the request, then close the connection without an answer.")
        boolean drop;

        Map<String, Object> json(Integer retryAfter) {
            Map<String, Object> effect = new LinkedHashMap<>();
            if (error != null) {
                effect.put("type", "error");
                effect.put("status", error);
                putIfSet(effect, "retryAfterSeconds", retryAfter);
            } else if (latency != null) {
                effect.put("type", "latency");
                effect.put("millis", latency);
            } else {
                effect.put("type", "commitThenFail");
                putIfSet(effect, "status", commitThenFail);
                if (drop) {
                    effect.put("drop", true);
                }
            }
            return effect;
        }
    }

    @Command(name = "add", description = "Add a rule after the others; prints it with its id.")
    int add(
            @ArgGroup(multiplicity = "1") Effect effect,
            @Option(
                            names = "--retry-after",
                            paramLabel = "SECONDS",
                            description = "Retry-After of an --error (a 429 sends 5 unless told).")
                    Integer retryAfter,
            @Option(
                            names = "--operation",
                            description = "Only this Graph operation: createOrGet, create, get, list, update, delete.")
                    String operation,
            @Option(names = "--match-tenant", paramLabel = "TENANT_ID", description = "Only callers of this tenant.")
                    String tenantId,
            @Option(names = "--match-app", paramLabel = "APP_ID", description = "Only this calling app (client id).")
                    String appId,
            @Option(
                            names = "--match-user",
                            paramLabel = "USER_ID",
                            description = "Only requests for this user's meetings.")
                    String userId,
            @Option(names = "--times", paramLabel = "N", description = "Only the next N matching requests.")
                    Integer times,
            @Option(names = "--rate", paramLabel = "0..1", description = "Each matching request with this probability.")
                    Double rate,
            @Option(names = "--seed", description = "Seed of the --rate draws (default: chosen and printed).")
                    Long seed,
            @Option(names = "--ttl", paramLabel = "SECONDS", description = "Remove the rule after this long.")
                    Integer ttlSeconds) {
        Map<String, Object> match = new LinkedHashMap<>();
        putIfSet(match, "operation", operation);
        putIfSet(match, "tenantId", tenantId);
        putIfSet(match, "appId", appId);
        putIfSet(match, "userId", userId);
        Map<String, Object> rule = new LinkedHashMap<>();
        if (!match.isEmpty()) {
            rule.put("match", match);
        }
        rule.put("effect", effect.json(retryAfter));
        putIfSet(rule, "times", times);
        putIfSet(rule, "rate", rate);
        putIfSet(rule, "seed", seed);
        putIfSet(rule, "ttlSeconds", ttlSeconds);
        return cli.print(cli.admin("POST", "/faults", rule));
    }

    @Command(name = "list", description = "List the rules in force, in the order they are tried.")
    int list() {
        return cli.print(cli.admin("GET", "/faults", null));
    }

    @Command(name = "remove", description = "Remove one rule.")
    int remove(@Parameters(paramLabel = "ID", description = "The rule's id, as add and list print it.") String id) {
        return cli.print(cli.admin("DELETE", "/faults/" + id, null));
    }

    @Command(name = "clear", description = "Remove every rule.")
    int clear() {
        return cli.print(cli.admin("DELETE", "/faults", null));
    }

    private static void putIfSet(Map<String, Object> json, String name, Object value) {
        if (value != null) {
            json.put(name, value);
        }
    }
}
