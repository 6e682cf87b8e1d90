package io.graphmeet.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.graphmeet.admin.AdminJson.Values;
import io.graphmeet.errors.GraphError;
import io.graphmeet.http.QueryString;
import io.graphmeet.http.Reply;
import io.graphmeet.journal.JournalBody;
import io.graphmeet.journal.JournalEntry;
import io.graphmeet.journal.JournalQuery;
import io.graphmeet.journal.RequestJournal;
import io.graphmeet.observe.GraphOperation;
import java.util.Arrays;
import java.util.List;

/**
 * A tenant's request journal: the last Graph requests this node answered for it, filtered, oldest first; and
 * clearing it. Works for any tenant id, as tokens of external issuers may name tenants the directory never saw.
 */
final class RequestsEndpoint {

    private static final List<String> OPERATIONS =
            Arrays.stream(GraphOperation.values()).map(GraphOperation::label).toList();

    Reply list(AdminExchange exchange) {
        String tenantId = exchange.tenantId();
        RequestJournal journal = journal(exchange);
        QueryString query = exchange.queryString("operation", "status", "externalId", "after", "top");
        String operation = query.get("operation");
        if (operation != null && !OPERATIONS.contains(operation)) {
            throw GraphError.BAD_REQUEST.with("Query parameter 'operation' must be one of "
                    + String.join(", ", OPERATIONS) + "; was '" + operation + "'.");
        }
        String status = query.get("status");
        String after = query.get("after");
        String top = query.get("top");
        JournalQuery selection = new JournalQuery(
                operation,
                status == null ? null : (int) QueryValues.whole(status, "status", 100, 599, 0),
                QueryValues.text(query.get("externalId"), "externalId", 1024),
                after == null ? null : QueryValues.whole(after, "after", 0, Long.MAX_VALUE, 0),
                top == null ? null : (int) QueryValues.whole(top, "top", 1, 1_000_000, 0));
        return Reply.of(
                200,
                new Values<>(journal.entries(tenantId, selection).stream()
                        .map(RequestsEndpoint::json)
                        .toList()));
    }

    /** Forgets the tenant's journal; answers 204 whether or not it held anything. */
    Reply clear(AdminExchange exchange) {
        journal(exchange).clear(exchange.tenantId());
        return Reply.noContent();
    }

    private static RequestJournal journal(AdminExchange exchange) {
        RequestJournal journal = exchange.context().journal();
        if (!journal.enabled()) {
            throw GraphError.NOT_FOUND.with("The request journal is off (journal.requestsPerTenant=0).");
        }
        return journal;
    }

    private static EntryJson json(JournalEntry entry) {
        JournalEntry.Recorded r = entry.request();
        JournalEntry.Caller caller = r.caller();
        return new EntryJson(
                entry.sequence(),
                r.time().toString(),
                r.requestId(),
                r.clientRequestId(),
                r.operation(),
                r.method(),
                r.path(),
                r.query(),
                r.status(),
                r.errorCode(),
                Math.round(r.latencyMillis() * 1000) / 1000.0,
                caller == null ? null : new CallerJson(caller.kind().label(), caller.appId(), caller.userId()),
                r.userId(),
                r.externalId(),
                r.meetingId(),
                body(r.requestBody()),
                body(r.responseBody()),
                r.fault() == null
                        ? null
                        : new FaultJson(r.fault().ruleId(), r.fault().effect()));
    }

    private static JsonNode body(JournalBody body) {
        return body == null ? null : body.toJson();
    }

    /** One journal entry on the wire. */
    record EntryJson(
            long sequence,
            String time,
            String requestId,
            String clientRequestId,
            String operation,
            String method,
            String path,
            String query,
            int status,
            String errorCode,
            double latencyMillis,
            CallerJson caller,
            String userId,
            String externalId,
            String meetingId,
            JsonNode requestBody,
            JsonNode responseBody,
            FaultJson fault) {}

    /** Who called, as the verified token said: {@code application} or {@code delegated}. */
    record CallerJson(String type, String appId, String userId) {}

    /** The scripted fault that shaped the answer. */
    record FaultJson(String ruleId, String effect) {}
}
