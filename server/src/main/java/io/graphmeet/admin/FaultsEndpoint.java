package io.graphmeet.admin;

import io.graphmeet.admin.AdminJson.Values;
import io.graphmeet.errors.GraphError;
import io.graphmeet.faults.ActiveFault;
import io.graphmeet.faults.FaultRule;
import io.graphmeet.faults.FaultRuleJson;
import io.graphmeet.faults.FaultRules;
import io.graphmeet.faults.InvalidFaultRuleException;
import io.graphmeet.http.Reply;

/**
 * This node's scripted fault rules: set one, list them in the order they are tried, read or remove one, remove
 * all. Rules live in this node's memory only; each node of a cluster has its own.
 */
final class FaultsEndpoint {

    Reply create(AdminExchange exchange) {
        FaultRule rule;
        try {
            rule = FaultRuleJson.read(exchange.json());
        } catch (InvalidFaultRuleException e) {
            throw GraphError.BAD_REQUEST.with(e.getMessage());
        }
        return Reply.of(201, FaultRuleJson.view(rules(exchange).add(rule)));
    }

    Reply list(AdminExchange exchange) {
        return Reply.of(
                200,
                new Values<>(
                        rules(exchange).list().stream().map(FaultRuleJson::view).toList()));
    }

    Reply get(AdminExchange exchange) {
        String id = exchange.parameter("faultId");
        ActiveFault fault = rules(exchange).get(id).orElseThrow(() -> notFound(id));
        return Reply.of(200, FaultRuleJson.view(fault));
    }

    Reply delete(AdminExchange exchange) {
        String id = exchange.parameter("faultId");
        if (!rules(exchange).remove(id)) {
            throw notFound(id);
        }
        return Reply.noContent();
    }

    Reply clear(AdminExchange exchange) {
        rules(exchange).clear();
        return Reply.noContent();
    }

    private static FaultRules rules(AdminExchange exchange) {
        return exchange.context().faults();
    }

    private static RuntimeException notFound(String id) {
        return GraphError.NOT_FOUND.with("Fault rule '" + id + "' was not found; it may have expired or been used up.");
    }
}
