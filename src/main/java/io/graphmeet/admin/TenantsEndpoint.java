package io.graphmeet.admin;

import io.graphmeet.admin.AdminJson.ResetJson;
import io.graphmeet.admin.AdminJson.TenantJson;
import io.graphmeet.admin.AdminJson.Values;
import io.graphmeet.directory.Tenant;
import io.graphmeet.errors.GraphError;

/** Tenants: create, list, get, delete (with all they hold), and reset (delete their meetings). */
final class TenantsEndpoint {

    AdminReply list(AdminExchange exchange) {
        return AdminReply.ok(new Values<>(exchange.directory().tenants().stream().map(TenantJson::of).toList()));
    }

    AdminReply create(AdminExchange exchange) {
        Body body = exchange.body("id", "displayName");
        String id = Fields.guidOrNew(body.text("id"), "id");
        if (exchange.directory().tenant(id).isPresent()) {
            throw GraphError.CONFLICT.with("Tenant '" + id + "' already exists.");
        }
        Tenant tenant = new Tenant(id, Fields.text(body.text("displayName"), "displayName"));
        exchange.directory().putTenant(tenant);
        return AdminReply.created(TenantJson.of(tenant));
    }

    AdminReply get(AdminExchange exchange) {
        return AdminReply.ok(TenantJson.of(exchange.tenant()));
    }

    /** Deletes the tenant's directory entries and its meetings. */
    AdminReply delete(AdminExchange exchange) {
        Tenant tenant = exchange.tenant();
        exchange.directory().deleteTenant(tenant.id());
        exchange.context().meetings().deleteAllOfTenant(tenant.id());
        return AdminReply.noContent();
    }

    /**
     * Deletes every meeting of the tenant and keeps its directory. Works for any tenant id, known to the
     * directory or not, since tokens of external issuers may name tenants the directory has never seen.
     */
    AdminReply reset(AdminExchange exchange) {
        String tenantId = exchange.tenantId();
        int deleted = exchange.context().meetings().deleteAllOfTenant(tenantId);
        return AdminReply.ok(new ResetJson(tenantId, deleted));
    }
}
