package io.graphmeet.api;

import io.graphmeet.api.json.MeetingJson;
import io.graphmeet.api.json.MeetingRequestJson;
import io.graphmeet.meetings.CreateOrGetOutcome;
import io.graphmeet.meetings.MeetingService;
import io.graphmeet.meetings.Organizer;

/** The onlineMeetings operations of Graph, over the meetings domain. */
final class OnlineMeetingsEndpoint {

    private final MeetingService meetings;
    private final RenderedMeetings rendered;

    OnlineMeetingsEndpoint(MeetingService meetings, MeetingJson json) {
        this.meetings = meetings;
        this.rendered = new RenderedMeetings(json);
    }

    /** {@code POST .../onlineMeetings/createOrGet}: {@code 201} with a new meeting, {@code 200} with the existing one. */
    GraphReply createOrGet(GraphExchange exchange) {
        Organizer organizer = exchange.organizer();
        var request = MeetingRequestJson.createOrGet(exchange.jsonBody());
        CreateOrGetOutcome outcome = meetings.createOrGet(organizer, request);
        int status = switch (outcome) {
            case CreateOrGetOutcome.Created created -> 201;
            case CreateOrGetOutcome.Existing existing -> 200;
        };
        return meetingReply(status, outcome, exchange);
    }

    private GraphReply meetingReply(int status, CreateOrGetOutcome outcome, GraphExchange exchange) {
        boolean includeUnknown = exchange.includeUnknownEnumMembers();
        GraphReply reply = GraphReply.json(status, rendered.body(outcome.meeting(), includeUnknown));
        return includeUnknown ? reply.withHeader("Preference-Applied", "include-unknown-enum-members") : reply;
    }
}
