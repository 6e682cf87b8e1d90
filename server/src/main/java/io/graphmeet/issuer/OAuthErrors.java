package io.graphmeet.issuer;

import io.graphmeet.http.ErrorReplies;
import io.graphmeet.http.Reply;
import io.graphmeet.http.RequestIds;
import io.graphmeet.http.RequestRefusedException;
import java.time.Clock;

/** The issuer's error envelope: Entra's OAuth error JSON, with the request ids as its trace and correlation ids. */
final class OAuthErrors implements ErrorReplies {

    private final Clock clock;

    OAuthErrors(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Reply known(RuntimeException failure, RequestIds ids) {
        return switch (failure) {
            case OAuthException e -> reply(e, ids);
            case RequestRefusedException e ->
                reply(
                        new OAuthException(
                                e.tooLarge() ? EntraError.BODY_TOO_LARGE : EntraError.MALFORMED_REQUEST,
                                e.getMessage()),
                        ids);
            default -> null;
        };
    }

    @Override
    public Reply unavailable(RequestIds ids) {
        return reply(EntraError.TEMPORARILY_UNAVAILABLE.with(), ids);
    }

    @Override
    public Reply internalError(RequestIds ids) {
        return reply(EntraError.SERVER_ERROR.with(), ids);
    }

    private Reply reply(OAuthException failure, RequestIds ids) {
        return Reply.of(
                failure.error().status(),
                OAuthErrorBody.of(failure, ids.requestId(), ids.clientRequestId(), clock.instant()));
    }
}
