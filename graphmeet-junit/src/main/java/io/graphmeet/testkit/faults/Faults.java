package io.graphmeet.testkit.faults;

import com.fasterxml.jackson.databind.JsonNode;
import io.graphmeet.testkit.admin.AdminClient;
import io.graphmeet.testkit.admin.AdminException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The scripted fault rules of a graphmeet, through its admin API ({@code /admin/v1/faults}). */
public final class Faults {

    private static final String FAULTS = "/admin/v1/faults";

    private final AdminClient admin;
    private final Set<String> added = ConcurrentHashMap.newKeySet();

    public Faults(AdminClient admin) {
        this.admin = admin;
    }

    /** Sets {@code rule}; answers it as graphmeet stored it, with its id. */
    public SetFault add(FaultRule rule) {
        SetFault set = SetFault.of(admin.post(FAULTS, rule.body()));
        added.add(set.id());
        return set;
    }

    /** The rules set, with what is left of each. */
    public List<SetFault> list() {
        List<SetFault> rules = new ArrayList<>();
        admin.get(FAULTS).path("value").forEach(rule -> rules.add(SetFault.of(rule)));
        return rules;
    }

    /** The rule {@code id} as it is now (its {@code remaining} count goes down as it applies). */
    public SetFault get(String id) {
        return SetFault.of(admin.get(FAULTS + "/" + encode(id)));
    }

    public void remove(String id) {
        admin.delete(FAULTS + "/" + encode(id));
        added.remove(id);
    }

    /** Removes every rule, whoever set it. */
    public void clear() {
        admin.delete(FAULTS);
        added.clear();
    }

    /** Removes the rules set through this client that are still there (the others expired or were removed). */
    public void removeAdded() {
        for (String id : List.copyOf(added)) {
            try {
                remove(id);
            } catch (AdminException e) {
                if (e.status() != 404) {
                    throw e;
                }
                added.remove(id);
            }
        }
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A rule as graphmeet holds it: its id, what is left of its count (null for a rate), when it expires. */
    public record SetFault(String id, Integer remaining, String expiresAt, JsonNode json) {
        static SetFault of(JsonNode rule) {
            JsonNode remaining = rule.path("remaining");
            return new SetFault(
                    rule.path("id").asText(),
                    remaining.isNumber() ? remaining.asInt() : null,
                    rule.path("expiresAt").asText(null),
                    rule);
        }
    }
}
