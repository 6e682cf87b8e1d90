package io.graphmeet.testkit.journal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which journaled requests a verification counts: every condition must hold. Immutable; each {@code with...}
 * answers a new pattern. Start from {@link GraphRequests}.
 */
public final class RequestPattern {

    static final RequestPattern ANY = new RequestPattern(null, List.of());

    private final String tenantId;
    private final List<Condition> conditions;

    private RequestPattern(String tenantId, List<Condition> conditions) {
        this.tenantId = tenantId;
        this.conditions = List.copyOf(conditions);
    }

    /** Only the journal of this tenant; without it, every tenant the server provisioned is searched. */
    public RequestPattern inTenant(String tenant) {
        return new RequestPattern(Objects.requireNonNull(tenant, "tenant"), conditions);
    }

    /** The operation's label, e.g. {@code createOrGet}. */
    public RequestPattern withOperation(String operation) {
        return and("operation", operation, JournalEntry::operation);
    }

    /** Requests addressing this user's meetings (the user of the path, or of {@code /me}). */
    public RequestPattern forUser(String userId) {
        return and("user", userId, JournalEntry::userId);
    }

    public RequestPattern withExternalId(String externalId) {
        return and("externalId", externalId, JournalEntry::externalId);
    }

    /** Requests answered with this HTTP status. */
    public RequestPattern withStatus(int status) {
        return and("status", status, JournalEntry::status);
    }

    /** Requests made with a token of this application (application or delegated). */
    public RequestPattern byApp(String appId) {
        return and("caller app", appId, JournalEntry::callerAppId);
    }

    /** Requests made with an application token ({@code roles}), not on a user's behalf. */
    public RequestPattern asApplication() {
        return and("caller type", "application", JournalEntry::callerType);
    }

    /** Requests made with a delegated token ({@code scp}), on a user's behalf. */
    public RequestPattern asDelegated() {
        return and("caller type", "delegated", JournalEntry::callerType);
    }

    /** Requests a scripted fault shaped, by any rule ({@code null}) or by the rule with this id. */
    public RequestPattern withFault(String ruleId) {
        return ruleId == null
                ? and("fault", true, entry -> entry.faultRuleId() != null)
                : and("fault", ruleId, JournalEntry::faultRuleId);
    }

    /** The tenant this pattern is limited to, if any. */
    public Optional<String> tenantId() {
        return Optional.ofNullable(tenantId);
    }

    /** Whether {@code entry} meets every condition. */
    public boolean matches(JournalEntry entry) {
        return mismatches(entry).isEmpty();
    }

    /** The conditions {@code entry} fails, in words, e.g. {@code externalId: expected "a" but was "b"}. */
    public List<String> mismatches(JournalEntry entry) {
        List<String> failed = new ArrayList<>();
        for (Condition condition : conditions) {
            Object actual = condition.actual().apply(entry);
            if (!Objects.equals(condition.expected(), actual)) {
                failed.add(
                        condition.name() + ": expected " + quote(condition.expected()) + " but was " + quote(actual));
            }
        }
        return failed;
    }

    /** The pattern in words, e.g. {@code operation "createOrGet", user "u", externalId "x"}. */
    @Override
    public String toString() {
        if (conditions.isEmpty()) {
            return "any request" + (tenantId == null ? "" : " in tenant " + tenantId);
        }
        List<String> words = new ArrayList<>();
        conditions.forEach(condition -> words.add(condition.name() + " " + quote(condition.expected())));
        return String.join(", ", words) + (tenantId == null ? "" : " in tenant " + tenantId);
    }

    private RequestPattern and(String name, Object expected, Function<JournalEntry, Object> actual) {
        Objects.requireNonNull(expected, name);
        List<Condition> more = new ArrayList<>(conditions);
        more.removeIf(condition -> condition.name().equals(name));
        more.add(new Condition(name, expected, actual));
        return new RequestPattern(tenantId, more);
    }

    private static String quote(Object value) {
        return value instanceof String text ? "\"" + text + "\"" : String.valueOf(value);
    }

    private record Condition(String name, Object expected, Function<JournalEntry, Object> actual) {}
}
