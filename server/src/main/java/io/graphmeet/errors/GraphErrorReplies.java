package io.graphmeet.errors;

import io.graphmeet.http.ErrorReplies;
import io.graphmeet.http.Reply;
import io.graphmeet.http.RequestIds;
import io.graphmeet.http.RequestRefusedException;
import java.time.Clock;
import java.util.function.Function;

/**
 * Replies in Graph's error envelope, for the surfaces that answer in it: the Graph API and the admin API.
 *
 * @param challenge the {@code WWW-Authenticate} value sent with a {@code 401}
 * @param surfaceErrors the surface's own failures as Graph errors; null for a failure it does not know
 * @param retryAfterSeconds the {@code Retry-After} sent with a {@code 503}, or 0 for none
 */
public record GraphErrorReplies(
        Clock clock, String challenge, Function<RuntimeException, GraphException> surfaceErrors, int retryAfterSeconds)
        implements ErrorReplies {

    @Override
    public Reply known(RuntimeException failure, RequestIds ids) {
        return switch (failure) {
            case GraphException e -> reply(e.error(), e.getMessage(), ids);
            case RequestRefusedException e -> reply(GraphError.of(e), e.getMessage(), ids);
            default -> {
                GraphException translated = surfaceErrors.apply(failure);
                yield translated == null ? null : reply(translated.error(), translated.getMessage(), ids);
            }
        };
    }

    @Override
    public Reply unavailable(RequestIds ids) {
        Reply reply = reply(GraphError.SERVICE_UNAVAILABLE, "The service is temporarily unavailable.", ids);
        return retryAfterSeconds > 0 ? reply.withHeader("Retry-After", Integer.toString(retryAfterSeconds)) : reply;
    }

    @Override
    public Reply internalError(RequestIds ids) {
        return reply(GraphError.INTERNAL_SERVER_ERROR, "An internal server error occurred.", ids);
    }

    private Reply reply(GraphError error, String message, RequestIds ids) {
        Reply reply = Reply.json(error.status(), ErrorEnvelope.render(error, message, ids, clock.instant()))
                .withErrorCode(error.code());
        return error.status() == 401 ? reply.withHeader("WWW-Authenticate", challenge) : reply;
    }
}
