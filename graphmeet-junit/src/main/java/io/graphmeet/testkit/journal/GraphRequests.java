package io.graphmeet.testkit.journal;

import io.graphmeet.observe.GraphOperation;

/** Where request patterns start, one per Graph operation: {@code verify(createOrGet().forUser(u))}. */
public final class GraphRequests {

    private GraphRequests() {}

    /** {@code POST /users/{id}/onlineMeetings/createOrGet} (or {@code /me/...}). */
    public static RequestPattern createOrGet() {
        return operation(GraphOperation.CREATE_OR_GET);
    }

    /** {@code POST /users/{id}/onlineMeetings}. */
    public static RequestPattern createMeeting() {
        return operation(GraphOperation.CREATE);
    }

    /** {@code GET /users/{id}/onlineMeetings/{meetingId}}. */
    public static RequestPattern getMeeting() {
        return operation(GraphOperation.GET);
    }

    /** {@code GET /users/{id}/onlineMeetings?$filter=...}. */
    public static RequestPattern listMeetings() {
        return operation(GraphOperation.LIST);
    }

    /** {@code PATCH /users/{id}/onlineMeetings/{meetingId}}. */
    public static RequestPattern updateMeeting() {
        return operation(GraphOperation.UPDATE);
    }

    /** {@code DELETE /users/{id}/onlineMeetings/{meetingId}}. */
    public static RequestPattern deleteMeeting() {
        return operation(GraphOperation.DELETE);
    }

    /** Any Graph request, of any operation. */
    public static RequestPattern anyRequest() {
        return RequestPattern.ANY;
    }

    /** Requests of {@code operation}. */
    public static RequestPattern operation(GraphOperation operation) {
        return RequestPattern.ANY.withOperation(operation.label());
    }
}
