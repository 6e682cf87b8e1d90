package io.graphmeet.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.graphmeet.auth.Caller;
import io.graphmeet.http.Reply;
import io.graphmeet.http.RequestIds;
import io.graphmeet.journal.JournalBody;
import io.graphmeet.journal.JournalEntry;
import io.graphmeet.journal.RequestJournal;
import io.graphmeet.meetings.Meeting;
import io.graphmeet.meetings.Organizer;
import java.time.Instant;

/**
 * Files each answered Graph request in the request journal, under the tenant of its verified token or, for a
 * token that failed verification, the tenant it claims. A request without a token names no tenant and is not
 * filed. Nothing of the token or of the {@code Authorization} header is kept.
 */
final class Journaling {

    private static final String USER_ID = "userId";
    private static final String MEETING_ID = "meetingId";

    private Journaling() {}

    /** What the edge knew of a request when it arrived ({@code nanos}: {@link System#nanoTime()} then). */
    record Arrival(long nanos, Instant time, String method, String path, String query) {}

    /** Files the request, answered with {@code reply}; its latency is the time until the reply was ready. */
    static void file(
            RequestJournal journal,
            Arrival arrival,
            String operation,
            RequestIds ids,
            GraphExchange exchange,
            Reply reply) {
        if (exchange == null) {
            return;
        }
        Caller caller = exchange.verifiedCaller();
        String tenantId = caller != null ? caller.tenantId() : exchange.claimedTenant();
        if (tenantId == null) {
            return;
        }
        Meeting meeting = exchange.answered();
        JsonNode body = exchange.readBody();
        byte[] sent = exchange.sentBody();
        int limit = journal.maxBodyBytes();
        JournalBody requestBody = sent == null ? null : JournalBody.ofRequest(sent, body, limit);
        journal.append(
                tenantId,
                new JournalEntry.Recorded(
                        arrival.time(),
                        ids.requestId(),
                        ids.clientRequestId(),
                        operation,
                        arrival.method(),
                        arrival.path(),
                        arrival.query(),
                        reply.status(),
                        reply.errorCode(),
                        (System.nanoTime() - arrival.nanos()) / 1_000_000.0,
                        caller(caller),
                        addressedUser(exchange, caller),
                        meeting != null ? meeting.externalId() : externalIdIn(body),
                        meeting != null ? meeting.id() : exchange.pathParameter(MEETING_ID),
                        requestBody,
                        JournalBody.ofResponse(reply.body(), limit, requestBody != null && requestBody.redacted()),
                        exchange.fault()));
    }

    private static JournalEntry.Caller caller(Caller caller) {
        return switch (caller) {
            case null -> null;
            case Caller.Application app -> new JournalEntry.Caller(JournalEntry.Kind.APPLICATION, app.appId(), null);
            case Caller.Delegated user ->
                new JournalEntry.Caller(JournalEntry.Kind.DELEGATED, user.appId(), user.userId());
        };
    }

    /** The user the path addresses, as authorized; else as the path names them; for {@code /me}, the signed-in user. */
    private static String addressedUser(GraphExchange exchange, Caller caller) {
        Organizer organizer = exchange.authorizedOrganizer();
        if (organizer != null) {
            return organizer.userId();
        }
        String inPath = exchange.pathParameter(USER_ID);
        if (inPath != null) {
            return inPath;
        }
        boolean me = exchange.path().contains("/me/") || exchange.path().endsWith("/me");
        return me && caller instanceof Caller.Delegated user ? user.userId() : null;
    }

    private static String externalIdIn(JsonNode body) {
        return body == null ? null : body.path("externalId").textValue();
    }
}
