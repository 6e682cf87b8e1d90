package io.graphmeet.admin;

import io.graphmeet.admin.AdminJson.GrantsJson;
import io.graphmeet.admin.AdminJson.UserGrantJson;
import io.graphmeet.directory.PolicyGrant;
import io.graphmeet.errors.GraphError;
import io.graphmeet.http.Reply;
import java.util.List;

/**
 * Policy grants, as {@code Grant-CsApplicationAccessPolicy} makes them: to one user ({@code -Identity}) or
 * tenant-wide ({@code -Global}); a user's own grant wins over the tenant-wide one. Revoking is idempotent.
 */
final class GrantsEndpoint {

    Reply list(AdminExchange exchange) {
        List<PolicyGrant> grants = exchange.directory().grants(exchange.tenant().id());
        String global = grants.stream()
                .filter(PolicyGrant::global)
                .map(PolicyGrant::policyName)
                .findFirst()
                .orElse(null);
        return Reply.of(
                200,
                new GrantsJson(
                        global,
                        grants.stream()
                                .filter(grant -> !grant.global())
                                .map(grant -> new UserGrantJson(grant.userId(), grant.policyName()))
                                .toList()));
    }

    Reply grantToUser(AdminExchange exchange) {
        String tenantId = exchange.tenant().id();
        String policy = existingPolicy(exchange, tenantId);
        String userId = userId(exchange, tenantId);
        exchange.directory().grantToUser(tenantId, userId, policy);
        return Reply.of(200, new UserGrantJson(userId, policy));
    }

    Reply revokeFromUser(AdminExchange exchange) {
        String tenantId = exchange.tenant().id();
        exchange.directory().grantToUser(tenantId, userId(exchange, tenantId), null);
        return Reply.noContent();
    }

    Reply grantGlobally(AdminExchange exchange) {
        String tenantId = exchange.tenant().id();
        String policy = existingPolicy(exchange, tenantId);
        exchange.directory().grantGlobally(tenantId, policy);
        return Reply.of(200, new GrantsJson(policy, List.of()));
    }

    Reply revokeGlobal(AdminExchange exchange) {
        exchange.directory().grantGlobally(exchange.tenant().id(), null);
        return Reply.noContent();
    }

    private static String existingPolicy(AdminExchange exchange, String tenantId) {
        String name = Fields.policyName(exchange.body("policy").requiredString("policy"), "policy");
        if (exchange.directory().policy(tenantId, name).isEmpty()) {
            throw GraphError.NOT_FOUND.with("Policy '" + name + "' was not found.");
        }
        return name;
    }

    /** The user by object id, or by UPN if the directory knows it. */
    private static String userId(AdminExchange exchange, String tenantId) {
        String idOrUpn = exchange.parameter("userId");
        if (idOrUpn.contains("@")) {
            return exchange.context()
                    .directory()
                    .findUser(tenantId, idOrUpn)
                    .orElseThrow(() -> GraphError.NOT_FOUND.with("User '" + idOrUpn + "' was not found."))
                    .id();
        }
        return Fields.guid(idOrUpn, "userId");
    }
}
