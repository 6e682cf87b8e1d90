package io.graphmeet.join;

import io.graphmeet.http.ErrorReplies;
import io.graphmeet.http.Reply;
import io.graphmeet.http.RequestIds;
import io.graphmeet.http.RequestRefusedException;
import java.util.Map;

/** The pages' error envelope: an HTML page a person can read, with the status a program can. */
final class PageErrors implements ErrorReplies {

    private final Html html;
    private final String assets;

    PageErrors(Html html, String assets) {
        this.html = html;
        this.assets = assets;
    }

    @Override
    public Reply known(RuntimeException failure, RequestIds ids) {
        return switch (failure) {
            case PageProblem problem -> page(problem.status(), problem.heading(), problem.advice());
            case RequestRefusedException refused ->
                page(refused.tooLarge() ? 413 : 400, "This request cannot be read", refused.getMessage());
            default -> null;
        };
    }

    @Override
    public Reply unavailable(RequestIds ids) {
        return page(
                        503,
                        "The meeting cannot be looked up right now",
                        "graphmeet cannot reach its database. Try again in a moment.")
                .withHeader("Retry-After", "1");
    }

    @Override
    public Reply internalError(RequestIds ids) {
        return page(
                500,
                "Something went wrong",
                "graphmeet could not show this page. The request id " + ids.requestId()
                        + " finds what happened in the server's log.");
    }

    private Reply page(int status, String heading, String advice) {
        return new Reply(status, html.problem(new Html.ProblemPage(assets, status, heading, advice)), Map.of());
    }
}
