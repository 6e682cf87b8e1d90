package io.graphmeet.api;

import io.graphmeet.auth.Caller;
import io.graphmeet.faults.FaultEffect;
import io.graphmeet.faults.FaultRules;
import io.graphmeet.faults.FaultTarget;
import io.graphmeet.faults.TriggeredFault;
import io.graphmeet.http.AnswerWithheldException;
import io.graphmeet.http.Endpoint;
import io.graphmeet.http.Reply;
import io.graphmeet.observe.GraphOperation;
import java.util.Optional;

/**
 * A route's endpoint under the node's scripted fault rules. The route table has already authorized the caller and
 * throttled it, so a rule can match its tenant, app and user. An error or latency rule applies before the endpoint
 * runs; a commit-then-fail rule applies once the endpoint has succeeded, so its work is committed when the answer
 * is lost. At most one rule applies to a request, and the request carries it for the journal.
 */
record ScriptedFaults(GraphOperation operation, Endpoint<GraphExchange> endpoint) implements Endpoint<GraphExchange> {

    @Override
    public Reply handle(GraphExchange exchange) {
        FaultRules rules = exchange.context().faults();
        if (rules.isEmpty()) {
            return endpoint.handle(exchange);
        }
        FaultTarget target = target(exchange);
        Optional<TriggeredFault> before = rules.beforeEndpoint(target);
        if (before.isPresent()) {
            exchange.markFault(before.get().applied());
            switch (before.get().effect()) {
                case FaultEffect.Error error -> {
                    exchange.readBodyForJournal();
                    throw new ScriptedErrorException(error.status(), error.retryAfterSeconds());
                }
                case FaultEffect.Latency latency -> pause(latency.millis());
                case FaultEffect.CommitThenFail lost -> throw new IllegalStateException("applies after commit");
            }
            return endpoint.handle(exchange);
        }
        Reply reply = endpoint.handle(exchange);
        if (reply.status() / 100 != 2) {
            return reply;
        }
        Optional<TriggeredFault> after = rules.afterCommit(target);
        if (after.isEmpty()) {
            return reply;
        }
        exchange.markFault(after.get().applied());
        FaultEffect.CommitThenFail lost =
                (FaultEffect.CommitThenFail) after.get().effect();
        if (lost.drop()) {
            throw new AnswerWithheldException(reply);
        }
        throw new ScriptedErrorException(lost.status(), null);
    }

    private FaultTarget target(GraphExchange exchange) {
        Caller caller = exchange.caller();
        return new FaultTarget(
                operation,
                caller.tenantId(),
                caller.appId(),
                exchange.organizer().userId());
    }

    /** The added latency; the request runs on its own virtual thread, so waiting holds nothing else up. */
    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread()
                    .interrupt(); // the server is stopping: serve the request without the rest of the delay
        }
    }
}
