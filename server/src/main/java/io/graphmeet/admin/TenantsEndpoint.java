package io.graphmeet.admin;

import io.graphmeet.admin.AdminJson.ResetJson;
import io.graphmeet.admin.AdminJson.TenantJson;
import io.graphmeet.admin.AdminJson.Values;
import io.graphmeet.directory.Tenant;
import io.graphmeet.errors.GraphError;
import io.graphmeet.http.JsonFields;
import io.graphmeet.http.Reply;

/**
 * Tenants: create, list, get, delete (with all they hold), and reset (delete their meetings and clear their request
 * journal).
 */
final class TenantsEndpoint {

    Reply list(AdminExchange exchange) {
        return Reply.of(
                200,
                new Values<>(exchange.directory().tenants().stream()
                        .map(TenantJson::of)
                        .toList()));
    }

    Reply create(AdminExchange exchange) {
        JsonFields body = exchange.body("id", "displayName");
        String id = Fields.guidOrNew(body.string("id"), "id");
        if (exchange.directory().tenant(id).isPresent()) {
            throw GraphError.CONFLICT.with("Tenant '" + id + "' already exists.");
        }
        Tenant tenant = new Tenant(id, Fields.text(body.string("displayName"), "displayName"));
        exchange.directory().putTenant(tenant);
        return Reply.of(201, TenantJson.of(tenant));
    }

    Reply get(AdminExchange exchange) {
        return Reply.of(200, TenantJson.of(exchange.tenant()));
    }

    /** Deletes the tenant's directory entries and its meetings, and clears its request journal. */
    Reply delete(AdminExchange exchange) {
        Tenant tenant = exchange.tenant();
        exchange.directory().deleteTenant(tenant.id());
        exchange.context().meetings().deleteAllOfTenant(tenant.id());
        exchange.context().journal().clear(tenant.id());
        return Reply.noContent();
    }

    /**
     * Deletes every meeting of the tenant, clears its request journal and keeps its directory. Works for any
     * tenant id, known to the directory or not, since tokens of external issuers may name tenants the directory
     * has never seen.
     */
    Reply reset(AdminExchange exchange) {
        String tenantId = exchange.tenantId();
        int deleted = exchange.context().meetings().deleteAllOfTenant(tenantId);
        exchange.context().journal().clear(tenantId);
        return Reply.of(200, new ResetJson(tenantId, deleted));
    }
}
