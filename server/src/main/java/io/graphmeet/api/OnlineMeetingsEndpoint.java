package io.graphmeet.api;

import io.graphmeet.api.json.MeetingJson;
import io.graphmeet.api.json.MeetingPatchJson;
import io.graphmeet.api.json.MeetingRequestJson;
import io.graphmeet.api.json.MeetingView;
import io.graphmeet.api.json.Select;
import io.graphmeet.http.Reply;
import io.graphmeet.meetings.CreateOrGetOutcome;
import io.graphmeet.meetings.Meeting;
import io.graphmeet.meetings.MeetingService;
import io.graphmeet.meetings.Organizer;
import io.graphmeet.meetings.Requester;
import java.util.List;

/** The onlineMeetings operations of Graph, over the meetings domain. */
final class OnlineMeetingsEndpoint {

    private static final String PREFERENCE_APPLIED = "Preference-Applied";
    private static final String INCLUDE_UNKNOWN = "include-unknown-enum-members";

    private final MeetingService meetings;
    private final MeetingJson json;
    private final RenderedMeetings rendered;

    OnlineMeetingsEndpoint(MeetingService meetings, MeetingJson json) {
        this.meetings = meetings;
        this.json = json;
        this.rendered = new RenderedMeetings(json);
    }

    /** {@code POST .../onlineMeetings/createOrGet}: {@code 201} with a new meeting, {@code 200} with the existing one. */
    Reply createOrGet(GraphExchange exchange) {
        Organizer organizer = exchange.organizer();
        var request = MeetingRequestJson.createOrGet(exchange.jsonBody());
        CreateOrGetOutcome outcome = meetings.createOrGet(organizer, request);
        int status = switch (outcome) {
            case CreateOrGetOutcome.Created created -> 201;
            case CreateOrGetOutcome.Existing existing -> 200;
        };
        return entity(status, outcome.meeting(), exchange, Select.ALL);
    }

    /** {@code POST .../onlineMeetings}: {@code 201} with the new meeting. */
    Reply create(GraphExchange exchange) {
        Organizer organizer = exchange.organizer();
        var request = MeetingRequestJson.create(exchange.jsonBody());
        return entity(201, meetings.create(organizer, request), exchange, Select.ALL);
    }

    /** {@code GET .../onlineMeetings/{meetingId}}. */
    Reply get(GraphExchange exchange) {
        Requester requester = exchange.requester();
        Select select = Select.parse(exchange.query("$select"));
        return entity(200, meetings.get(requester, exchange.meetingId()), exchange, select);
    }

    /** {@code GET .../onlineMeetings?$filter=...}: the one meeting with that join link or join meeting id. */
    Reply find(GraphExchange exchange) {
        Requester requester = exchange.requester();
        Select select = Select.parse(exchange.query("$select"));
        Meeting meeting = switch (MeetingFilter.parse(exchange.query("$filter"))) {
            case MeetingFilter.ByJoinWebUrl byUrl -> meetings.findByJoinWebUrl(requester, byUrl.joinWebUrl());
            case MeetingFilter.ByJoinMeetingId byId -> meetings.findByJoinMeetingId(requester, byId.joinMeetingId());
        };
        exchange.answeredWith(meeting);
        MeetingView view = view(exchange, select);
        return preferenceApplied(Reply.json(200, json.collection(requester.userId(), List.of(meeting), view)), view);
    }

    /** {@code PATCH .../onlineMeetings/{meetingId}}: {@code 200} with the whole updated meeting. */
    Reply update(GraphExchange exchange) {
        Requester requester = exchange.requester();
        var patch = MeetingPatchJson.read(exchange.jsonBody());
        return entity(200, meetings.update(requester, exchange.meetingId(), patch), exchange, Select.ALL);
    }

    /** {@code DELETE .../onlineMeetings/{meetingId}}: {@code 204}, no body. */
    Reply delete(GraphExchange exchange) {
        meetings.delete(exchange.requester(), exchange.meetingId());
        return Reply.noContent();
    }

    private Reply entity(int status, Meeting meeting, GraphExchange exchange, Select select) {
        exchange.answeredWith(meeting);
        MeetingView view = view(exchange, select);
        return preferenceApplied(Reply.json(status, rendered.entity(meeting, view)), view);
    }

    private static MeetingView view(GraphExchange exchange, Select select) {
        return MeetingView.of(exchange.includeUnknownEnumMembers(), exchange.acceptLanguage(), select);
    }

    private static Reply preferenceApplied(Reply reply, MeetingView view) {
        return view.includeUnknownEnums() ? reply.withHeader(PREFERENCE_APPLIED, INCLUDE_UNKNOWN) : reply;
    }
}
