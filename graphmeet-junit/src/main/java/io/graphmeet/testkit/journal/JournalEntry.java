package io.graphmeet.testkit.journal;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One Graph request as graphmeet's request journal keeps it: who called which operation on which user, what it
 * answered, and the scripted fault applied to it, if any. Bodies are as the journal stores them (no secrets).
 */
public record JournalEntry(
        long sequence,
        String time,
        String requestId,
        String clientRequestId,
        String operation,
        String method,
        String path,
        int status,
        String errorCode,
        double latencyMillis,
        String callerType,
        String callerAppId,
        String callerUserId,
        String userId,
        String externalId,
        String meetingId,
        JsonNode requestBody,
        JsonNode responseBody,
        String faultRuleId,
        String faultEffect) {

    /** Reads an entry of {@code GET /admin/v1/tenants/{id}/requests}. */
    public static JournalEntry of(JsonNode entry) {
        JsonNode caller = entry.path("caller");
        JsonNode fault = entry.path("fault");
        return new JournalEntry(
                entry.path("sequence").asLong(),
                text(entry, "time"),
                text(entry, "requestId"),
                text(entry, "clientRequestId"),
                text(entry, "operation"),
                text(entry, "method"),
                text(entry, "path"),
                entry.path("status").asInt(),
                text(entry, "errorCode"),
                entry.path("latencyMillis").asDouble(),
                text(caller, "type"),
                text(caller, "appId"),
                text(caller, "userId"),
                text(entry, "userId"),
                text(entry, "externalId"),
                text(entry, "meetingId"),
                body(entry, "requestBody"),
                body(entry, "responseBody"),
                text(fault, "ruleId"),
                text(fault, "effect"));
    }

    /** One line for failure messages, e.g. {@code #3 createOrGet POST /v1.0/users/u/onlineMeetings/createOrGet → 201}. */
    public String describe() {
        return "#" + sequence + " " + operation + " " + method + " " + path + " -> " + status
                + (errorCode == null ? "" : " " + errorCode)
                + " (caller " + callerType + " app " + callerAppId
                + (callerUserId == null ? "" : " user " + callerUserId)
                + (externalId == null ? "" : ", externalId " + externalId)
                + (faultRuleId == null ? "" : ", fault " + faultEffect) + ")";
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : null;
    }

    private static JsonNode body(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value;
    }
}
