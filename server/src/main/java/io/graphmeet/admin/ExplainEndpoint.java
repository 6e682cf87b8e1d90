package io.graphmeet.admin;

import io.graphmeet.auth.Access;
import io.graphmeet.auth.Explanation;
import io.graphmeet.errors.GraphError;
import io.graphmeet.http.Reply;

/**
 * "Why was this allowed or denied?": what the Graph edge's {@link io.graphmeet.auth.Authorizer} decides for app
 * {@code app} acting for user {@code user} in Graph operation {@code operation} — the permission the app's token
 * would carry, the policy grant that decided, and the result in words.
 */
final class ExplainEndpoint {

    private static final int MAX_USER = 256;

    /** The explainer's answer, in the shape the console and other clients read. */
    record ExplanationJson(String result, String permission, PolicyJson policy, String explanation) {

        /** The policy that decided and how it reached the user: {@code user} (their own grant) or {@code tenant}. */
        record PolicyJson(String identity, String grant) {}

        static ExplanationJson of(Explanation explanation) {
            var grant = explanation.policy();
            return new ExplanationJson(
                    explanation.allowed() ? "allowed" : "denied",
                    explanation.permission(),
                    grant == null ? null : new PolicyJson(grant.policyName(), grant.global() ? "tenant" : "user"),
                    explanation.words());
        }
    }

    Reply explain(AdminExchange exchange) {
        String tenantId = exchange.tenant().id();
        String appId = Fields.guid(required(exchange, "app"), "app");
        String user = required(exchange, "user");
        if (user.length() > MAX_USER || user.isBlank()) {
            throw GraphError.BAD_REQUEST.with("Query parameter 'user' must be a user's object id or UPN.");
        }
        String operation = required(exchange, "operation");
        Access access = Access.forOperation(operation)
                .orElseThrow(() -> GraphError.BAD_REQUEST.with(
                        "Query parameter 'operation' must be one of createOrGet, create, get, list, update, delete; was '"
                                + operation + "'."));
        Explanation explanation =
                exchange.context().authorizer().explain(tenantId, appId, user.strip(), operation, access);
        return Reply.of(200, ExplanationJson.of(explanation));
    }

    private static String required(AdminExchange exchange, String name) {
        String value = exchange.queryString("app", "user", "operation").get(name);
        if (value == null || value.isEmpty()) {
            throw GraphError.BAD_REQUEST.with("Query parameter '" + name + "' is required: explain?app={appId}"
                    + "&user={userId or UPN}&operation={createOrGet|create|get|list|update|delete}.");
        }
        return value;
    }
}
