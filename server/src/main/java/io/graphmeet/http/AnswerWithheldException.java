package io.graphmeet.http;

/**
 * An endpoint did its work and its reply is known, but the client must get no answer at all: the edge shows the
 * reply to the surface's observer as if it had been sent, then closes the connection without writing a byte. This
 * is how a scripted fault loses the answer to a request that committed.
 */
public final class AnswerWithheldException extends RuntimeException {

    private final transient Reply reply;

    public AnswerWithheldException(Reply reply) {
        super("the answer is withheld", null, false, false);
        this.reply = reply;
    }

    /** The reply the endpoint would have sent. */
    public Reply reply() {
        return reply;
    }
}
