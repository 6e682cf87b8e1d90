package io.graphmeet.api;

import io.graphmeet.auth.Caller;
import io.graphmeet.http.Guard;
import io.graphmeet.meetings.Organizer;
import io.graphmeet.observe.GraphOperation;
import io.graphmeet.throttle.Refusal;
import io.graphmeet.throttle.Throttle;
import io.graphmeet.throttle.ThrottledException;
import java.util.Optional;

/**
 * Graph's throttling as a route guard, run after the route's permission: the app's requests, per tenant and across
 * tenants, and for an operation that creates meetings the organizer's meetings this month. Over a limit it throws
 * {@link ThrottledException}, which Graph answers with {@code 429} and {@code Retry-After}.
 */
record Throttling(GraphOperation operation) implements Guard<GraphExchange> {

    @Override
    public void admit(GraphExchange exchange) {
        Throttle throttle = exchange.context().throttle();
        if (!throttle.enabled()) {
            return;
        }
        Caller caller = exchange.caller();
        Optional<Refusal> refusal = throttle.admitRequest(caller.tenantId(), caller.appId());
        if (refusal.isEmpty() && operation.createsMeetings()) {
            Organizer organizer = exchange.organizer();
            refusal = throttle.admitMeetingCreation(organizer.tenantId(), organizer.userId());
        }
        if (refusal.isPresent()) {
            exchange.context()
                    .metrics()
                    .recordThrottled(operation, refusal.get().limit());
            throw new ThrottledException(refusal.get());
        }
    }
}
