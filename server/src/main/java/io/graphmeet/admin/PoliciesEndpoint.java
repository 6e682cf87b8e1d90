package io.graphmeet.admin;

import io.graphmeet.admin.AdminJson.PolicyJson;
import io.graphmeet.admin.AdminJson.Values;
import io.graphmeet.directory.AccessPolicy;
import io.graphmeet.errors.GraphError;
import io.graphmeet.http.JsonFields;
import io.graphmeet.http.Reply;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Application access policies, as {@code New-}, {@code Set-}, {@code Get-} and
 * {@code Remove-CsApplicationAccessPolicy} manage them: a named list of app ids.
 */
final class PoliciesEndpoint {

    Reply list(AdminExchange exchange) {
        String tenantId = exchange.tenant().id();
        return Reply.of(
                200,
                new Values<>(exchange.directory().policies(tenantId).stream()
                        .map(PolicyJson::of)
                        .toList()));
    }

    Reply create(AdminExchange exchange) {
        String tenantId = exchange.tenant().id();
        JsonFields body = exchange.body("identity", "appIds");
        String name = Fields.policyName(body.requiredString("identity"), "identity");
        List<String> appIds = body.strings("appIds");
        if (appIds == null) {
            throw GraphError.BAD_REQUEST.with("Property 'appIds' is required.");
        }
        if (exchange.directory().policy(tenantId, name).isPresent()) {
            throw GraphError.CONFLICT.with("Policy '" + name + "' already exists.");
        }
        AccessPolicy policy = new AccessPolicy(tenantId, name, Set.copyOf(Fields.guids(appIds, "appIds")));
        exchange.directory().putPolicy(policy);
        return Reply.of(201, PolicyJson.of(policy));
    }

    Reply get(AdminExchange exchange) {
        return Reply.of(200, PolicyJson.of(policy(exchange)));
    }

    /** {@code appIds} replaces the list; {@code add} and {@code remove} edit it, as Set-Cs... does. */
    Reply update(AdminExchange exchange) {
        AccessPolicy policy = policy(exchange);
        JsonFields body = exchange.body("appIds", "add", "remove");
        List<String> replace = body.strings("appIds");
        List<String> add = body.strings("add");
        List<String> remove = body.strings("remove");
        if (replace != null && (add != null || remove != null)) {
            throw GraphError.BAD_REQUEST.with("Give either 'appIds' (replace) or 'add'/'remove' (edit), not both.");
        }
        Set<String> appIds = new TreeSet<>(replace != null ? Fields.guids(replace, "appIds") : policy.appIds());
        if (add != null) {
            appIds.addAll(Fields.guids(add, "add"));
        }
        if (remove != null) {
            Fields.guids(remove, "remove").forEach(appIds::remove);
        }
        AccessPolicy changed = new AccessPolicy(policy.tenantId(), policy.name(), appIds);
        exchange.directory().putPolicy(changed);
        return Reply.of(200, PolicyJson.of(changed));
    }

    /** Deletes the policy and its grants. */
    Reply delete(AdminExchange exchange) {
        AccessPolicy policy = policy(exchange);
        exchange.directory().deletePolicy(policy.tenantId(), policy.name());
        return Reply.noContent();
    }

    private static AccessPolicy policy(AdminExchange exchange) {
        String tenantId = exchange.tenant().id();
        String name = Fields.policyName(exchange.parameter("identity"), "identity");
        return exchange.directory()
                .policy(tenantId, name)
                .orElseThrow(() -> GraphError.NOT_FOUND.with("Policy '" + name + "' was not found."));
    }
}
