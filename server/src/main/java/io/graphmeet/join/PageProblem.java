package io.graphmeet.join;

/**
 * Why a page shows no meeting, as a person reads it: the status, a heading and what to do. Thrown by the join pages'
 * endpoints and rendered as an HTML page by {@link PageErrors}.
 */
final class PageProblem extends RuntimeException {

    private final int status;
    private final String heading;

    private PageProblem(int status, String heading, String advice) {
        super(advice, null, false, false);
        this.status = status;
        this.heading = heading;
    }

    /** No live or expired meeting answers this link: it never existed, was deleted, or the link is damaged. */
    static PageProblem noMeeting() {
        return new PageProblem(
                404,
                "There is no meeting at this link",
                "The meeting may have been deleted, or the link may be incomplete or mistyped. Ask the organizer for "
                        + "a new invitation.");
    }

    /** The meeting existed but expired, 60 days after its end, creation or last change. */
    static PageProblem expired(String expiredOn) {
        return new PageProblem(
                410,
                "This meeting has expired",
                "Meetings expire 60 days after they end or were last changed; this one expired on " + expiredOn
                        + ". Ask the organizer for a new invitation.");
    }

    /** A method other than GET on a page. */
    static PageProblem methodNotAllowed() {
        return new PageProblem(405, "This page can only be viewed", "Open the link in a browser to see the meeting.");
    }

    int status() {
        return status;
    }

    String heading() {
        return heading;
    }

    String advice() {
        return getMessage();
    }
}
