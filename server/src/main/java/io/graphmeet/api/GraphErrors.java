package io.graphmeet.api;

import io.graphmeet.errors.GraphError;
import io.graphmeet.errors.GraphErrorReplies;
import io.graphmeet.errors.GraphException;
import io.graphmeet.http.ErrorReplies;
import io.graphmeet.http.Reply;
import io.graphmeet.http.RequestIds;
import io.graphmeet.meetings.InvalidMeetingException;
import io.graphmeet.meetings.MeetingAccessDeniedException;
import io.graphmeet.meetings.MeetingNotFoundException;
import io.graphmeet.throttle.ThrottledException;
import java.time.Clock;

/**
 * The Graph API's error envelope: Graph's, with the domain's failures as Graph answers them, and throttling as
 * Graph's {@code 429} with {@code Retry-After}.
 */
record GraphErrors(GraphErrorReplies graph) implements ErrorReplies {

    private static final String MEETING_NOT_FOUND = "3004: Specified meeting is not found";
    private static final String THROTTLED = "Please retry again later.";
    private static final String UNAVAILABLE = "The service is temporarily unavailable.";
    private static final String WWW_AUTHENTICATE =
            "Bearer realm=\"\", " + "client_id=\"00000003-0000-0000-c000-000000000000\"";

    static GraphErrors replies(Clock clock) {
        return new GraphErrors(new GraphErrorReplies(clock, WWW_AUTHENTICATE, GraphErrors::ofDomain, 1));
    }

    @Override
    public Reply known(RuntimeException failure, RequestIds ids) {
        if (failure instanceof ThrottledException throttled) {
            return graph.known(GraphError.TOO_MANY_REQUESTS.with(THROTTLED), ids)
                    .withHeader("Retry-After", Long.toString(throttled.refusal().retryAfterSeconds()));
        }
        if (failure instanceof ScriptedErrorException scripted) {
            return scripted(scripted, ids);
        }
        return graph.known(failure, ids);
    }

    @Override
    public Reply unavailable(RequestIds ids) {
        return graph.unavailable(ids);
    }

    @Override
    public Reply internalError(RequestIds ids) {
        return graph.internalError(ids);
    }

    /** A scripted fault's error, worded as Graph words that status. */
    private Reply scripted(ScriptedErrorException scripted, RequestIds ids) {
        Reply reply = switch (scripted.status()) {
            case 429 -> graph.known(GraphError.TOO_MANY_REQUESTS.with(THROTTLED), ids);
            case 503 -> graph.known(GraphError.SERVICE_UNAVAILABLE.with(UNAVAILABLE), ids);
            case 504 -> graph.known(GraphError.GATEWAY_TIMEOUT.with("The request timed out."), ids);
            default -> graph.internalError(ids);
        };
        return scripted.retryAfterSeconds() == null
                ? reply
                : reply.withHeader("Retry-After", Integer.toString(scripted.retryAfterSeconds()));
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
