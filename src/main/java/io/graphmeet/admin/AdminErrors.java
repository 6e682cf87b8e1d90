package io.graphmeet.admin;

import io.graphmeet.errors.ErrorEnvelope;
import io.graphmeet.errors.GraphError;
import io.graphmeet.errors.GraphException;
import io.graphmeet.http.ErrorReplies;
import io.graphmeet.http.Reply;
import io.graphmeet.http.RequestIds;
import io.graphmeet.http.RequestRefusedException;
import java.time.Clock;

/** The admin API's error envelope: Graph's, with the admin realm on a {@code 401}. */
final class AdminErrors implements ErrorReplies {

    private final Clock clock;

    AdminErrors(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Reply known(RuntimeException failure, RequestIds ids) {
        return switch (failure) {
            case GraphException e -> reply(e.error(), e.getMessage(), ids);
            case RequestRefusedException e -> reply(GraphError.of(e), e.getMessage(), ids);
            default -> null;
        };
    }

    @Override
    public Reply unavailable(RequestIds ids) {
        return reply(GraphError.SERVICE_UNAVAILABLE, "The service is temporarily unavailable.", ids);
    }

    @Override
    public Reply internalError(RequestIds ids) {
        return reply(GraphError.INTERNAL_SERVER_ERROR, "An internal server error occurred.", ids);
    }

    private Reply reply(GraphError error, String message, RequestIds ids) {
        Reply reply = Reply.json(error.status(), ErrorEnvelope.render(error, message, ids, clock.instant()));
        return error.status() == 401 ? reply.withHeader("WWW-Authenticate", "Bearer realm=\"graphmeet-admin\"") : reply;
    }
}
