package io.graphmeet.api;

import io.graphmeet.errors.ErrorEnvelope;
import io.graphmeet.errors.GraphError;
import io.graphmeet.errors.GraphException;
import io.graphmeet.http.ErrorReplies;
import io.graphmeet.http.Reply;
import io.graphmeet.http.RequestIds;
import io.graphmeet.http.RequestRefusedException;
import io.graphmeet.meetings.InvalidMeetingException;
import io.graphmeet.meetings.MeetingAccessDeniedException;
import io.graphmeet.meetings.MeetingNotFoundException;
import java.time.Clock;

/** The Graph API's error envelope: each failure of the domain and the edge as Graph answers it. */
final class GraphErrors implements ErrorReplies {

    private static final String MEETING_NOT_FOUND = "3004: Specified meeting is not found";
    private static final String WWW_AUTHENTICATE = "Bearer realm=\"\", "
            + "client_id=\"00000003-0000-0000-c000-000000000000\"";

    private final Clock clock;

    GraphErrors(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Reply known(RuntimeException failure, RequestIds ids) {
        return switch (failure) {
            case GraphException e -> reply(e.error(), e.getMessage(), ids);
            case RequestRefusedException e -> reply(GraphError.of(e), e.getMessage(), ids);
            case InvalidMeetingException e -> reply(GraphError.BAD_REQUEST, e.getMessage(), ids);
            case MeetingNotFoundException e -> reply(GraphError.NOT_FOUND, MEETING_NOT_FOUND, ids);
            case MeetingAccessDeniedException e -> reply(GraphError.FORBIDDEN, e.getMessage(), ids);
            default -> null;
        };
    }

    @Override
    public Reply unavailable(RequestIds ids) {
        return reply(GraphError.SERVICE_UNAVAILABLE, "The service is temporarily unavailable.", ids)
                .withHeader("Retry-After", "1");
    }

    @Override
    public Reply internalError(RequestIds ids) {
        return reply(GraphError.INTERNAL_SERVER_ERROR, "An internal server error occurred.", ids);
    }

    private Reply reply(GraphError error, String message, RequestIds ids) {
        Reply reply = Reply.json(error.status(), ErrorEnvelope.render(error, message, ids, clock.instant()));
        return error.status() == 401 ? reply.withHeader("WWW-Authenticate", WWW_AUTHENTICATE) : reply;
    }
}
