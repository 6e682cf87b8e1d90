package io.graphmeet;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.graphmeet.admin.MeetingInspector;
import io.graphmeet.api.json.MeetingJson;
import io.graphmeet.api.json.MeetingView;
import io.graphmeet.api.json.Select;
import io.graphmeet.meetings.Meeting;
import io.graphmeet.meetings.MeetingIds;
import io.graphmeet.meetings.MeetingSearch;
import io.graphmeet.meetings.MeetingStore;
import java.time.Instant;
import java.util.List;

/**
 * The admin API's view of meetings: the store's search, a join link compared as Graph's {@code $filter} compares
 * it (in canonical form, through the meeting id the link embeds), and each meeting rendered as Graph renders it.
 */
record InspectedMeetings(MeetingStore store, MeetingJson json) implements MeetingInspector {

    private static final MeetingView AS_GRAPH_SHOWS_IT = MeetingView.of(false, null, Select.ALL);

    @Override
    public Page find(String tenantId, Query query, Instant now) {
        String canonicalLink = null;
        String meetingId = null;
        if (query.joinWebUrl() != null) {
            canonicalLink = MeetingIds.canonicalJoinWebUrl(query.joinWebUrl());
            meetingId = MeetingIds.meetingIdOfJoinWebUrl(canonicalLink);
            if (meetingId == null) {
                return new Page(List.of(), false);
            }
        }
        boolean byUpn = query.organizer() != null && query.organizer().contains("@");
        List<Meeting> found = store.search(
                tenantId,
                new MeetingSearch(
                        byUpn ? null : query.organizer(),
                        byUpn ? query.organizer() : null,
                        query.externalId(),
                        meetingId,
                        query.startFrom(),
                        query.startTo(),
                        query.skip(),
                        query.top() + 1),
                now);
        String link = canonicalLink;
        List<ObjectNode> page = found.stream()
                .filter(meeting -> link == null
                        || MeetingIds.canonicalJoinWebUrl(meeting.joinWebUrl()).equals(link))
                .limit(query.top())
                .map(meeting -> json.item(meeting, AS_GRAPH_SHOWS_IT))
                .toList();
        return new Page(page, found.size() > query.top());
    }
}
