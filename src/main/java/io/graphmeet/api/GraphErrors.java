package io.graphmeet.api;

import io.graphmeet.errors.GraphError;
import io.graphmeet.errors.GraphErrorReplies;
import io.graphmeet.errors.GraphException;
import io.graphmeet.meetings.InvalidMeetingException;
import io.graphmeet.meetings.MeetingAccessDeniedException;
import io.graphmeet.meetings.MeetingNotFoundException;
import java.time.Clock;

/** The Graph API's error envelope: Graph's, with the domain's failures as Graph answers them. */
final class GraphErrors {

    private static final String MEETING_NOT_FOUND = "3004: Specified meeting is not found";
    private static final String WWW_AUTHENTICATE = "Bearer realm=\"\", "
            + "client_id=\"00000003-0000-0000-c000-000000000000\"";

    private GraphErrors() {}

    static GraphErrorReplies replies(Clock clock) {
        return new GraphErrorReplies(clock, WWW_AUTHENTICATE, GraphErrors::ofDomain, 1);
    }

    private static GraphException ofDomain(RuntimeException failure) {
        return switch (failure) {
            case InvalidMeetingException e -> GraphError.BAD_REQUEST.with(e.getMessage());
            case MeetingNotFoundException e -> GraphError.NOT_FOUND.with(MEETING_NOT_FOUND);
            case MeetingAccessDeniedException e -> GraphError.FORBIDDEN.with(e.getMessage());
            default -> null;
        };
    }
}
