package io.graphmeet.join;

import io.graphmeet.http.Reply;
import io.graphmeet.meetings.Meeting;
import io.graphmeet.meetings.MeetingStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/** The two pages of a meeting: the join page at its {@code joinWebUrl} and the options page at its options link. */
final class MeetingPages {

    private final MeetingStore meetings;
    private final Clock clock;
    private final Html html;
    private final String assets;

    MeetingPages(MeetingStore meetings, Clock clock, Html html, String assets) {
        this.meetings = meetings;
        this.clock = clock;
        this.html = html;
        this.assets = assets;
    }

    Reply join(JoinExchange exchange) {
        return page(MeetingLink.ofJoinLink(exchange.rawPathAndQuery()), false);
    }

    Reply options(JoinExchange exchange) {
        return page(
                MeetingLink.ofOptions(
                        exchange.query("organizerId"), exchange.query("tenantId"), exchange.query("threadId")),
                true);
    }

    /** The meeting's page; a 404 page when no meeting answers the link, a 410 page when it has expired. */
    private Reply page(MeetingLink link, boolean options) {
        if (link == null) {
            throw PageProblem.noMeeting();
        }
        // Asked as of the epoch, the store also answers a meeting that has expired but is still stored, so that an
        // expired meeting gets its own page; a deleted one is gone and cannot be told from one that never existed.
        Meeting meeting = meetings.findById(link.tenantId(), link.meetingId(), Instant.EPOCH)
                .orElseThrow(PageProblem::noMeeting);
        if (!meeting.isLiveAt(clock.instant())) {
            throw PageProblem.expired(
                    MeetingPage.Time.of(meeting.expiryDateTime()).utc());
        }
        return new Reply(200, html.meeting(MeetingPage.of(meeting, assets, options)), Map.of());
    }
}
