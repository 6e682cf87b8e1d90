package io.graphmeet.admin;

import io.graphmeet.admin.AdminJson.AppJson;
import io.graphmeet.admin.AdminJson.SecretJson;
import io.graphmeet.admin.AdminJson.Values;
import io.graphmeet.directory.App;
import io.graphmeet.directory.AppSecret;
import io.graphmeet.directory.Credentials;
import io.graphmeet.directory.DirectoryStore;
import io.graphmeet.errors.GraphError;
import io.graphmeet.http.JsonFields;
import io.graphmeet.http.Reply;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * App registrations of a tenant: client id, granted application permissions and client secrets. A secret's
 * text is shown once, in the answer that created it; only its hash is stored.
 */
final class AppsEndpoint {

    private static final int HINT_LENGTH = 3;

    Reply list(AdminExchange exchange) {
        String tenantId = exchange.tenant().id();
        DirectoryStore directory = exchange.directory();
        return Reply.of(
                200,
                new Values<>(directory.apps(tenantId).stream()
                        .map(app -> AppJson.of(app, directory.secrets(tenantId, app.appId()), null))
                        .toList()));
    }

    /** Registers an app with one new secret, returned in {@code secretText}. */
    Reply create(AdminExchange exchange) {
        String tenantId = exchange.tenant().id();
        JsonFields body = exchange.body("appId", "displayName", "permissions");
        String appId = Fields.guidOrNew(body.string("appId"), "appId");
        DirectoryStore directory = exchange.directory();
        if (directory.app(tenantId, appId).isPresent()) {
            throw GraphError.CONFLICT.with("App '" + appId + "' already exists.");
        }
        List<String> permissions = body.strings("permissions");
        App app = new App(
                tenantId,
                appId,
                UUID.randomUUID().toString(),
                Fields.text(body.string("displayName"), "displayName"),
                Set.copyOf(permissions == null ? List.of() : Fields.permissions(permissions, "permissions")));
        directory.putApp(app);
        String secretText =
                addSecret(directory, app, exchange.context().clock().instant()).secretText();
        return Reply.of(201, AppJson.of(app, directory.secrets(tenantId, appId), secretText));
    }

    Reply get(AdminExchange exchange) {
        App app = app(exchange);
        return Reply.of(200, AppJson.of(app, exchange.directory().secrets(app.tenantId(), app.appId()), null));
    }

    /** Changes the display name or replaces the permissions. */
    Reply update(AdminExchange exchange) {
        App app = app(exchange);
        JsonFields body = exchange.body("displayName", "permissions");
        List<String> permissions = body.strings("permissions");
        App changed = new App(
                app.tenantId(),
                app.appId(),
                app.servicePrincipalId(),
                body.has("displayName") ? Fields.text(body.string("displayName"), "displayName") : app.displayName(),
                permissions == null ? app.permissions() : Set.copyOf(Fields.permissions(permissions, "permissions")));
        exchange.directory().putApp(changed);
        return Reply.of(200, AppJson.of(changed, exchange.directory().secrets(app.tenantId(), app.appId()), null));
    }

    Reply delete(AdminExchange exchange) {
        App app = app(exchange);
        exchange.directory().deleteApp(app.tenantId(), app.appId());
        return Reply.noContent();
    }

    Reply addSecret(AdminExchange exchange) {
        App app = app(exchange);
        exchange.body();
        return Reply.of(
                201,
                addSecret(exchange.directory(), app, exchange.context().clock().instant()));
    }

    Reply removeSecret(AdminExchange exchange) {
        App app = app(exchange);
        String secretId = Fields.guid(exchange.parameter("secretId"), "secretId");
        if (!exchange.directory().deleteSecret(app.tenantId(), app.appId(), secretId)) {
            throw GraphError.NOT_FOUND.with("Secret '" + secretId + "' was not found on app '" + app.appId() + "'.");
        }
        return Reply.noContent();
    }

    private static SecretJson addSecret(DirectoryStore directory, App app, Instant now) {
        String text = Credentials.newSecret();
        AppSecret secret = new AppSecret(
                app.tenantId(),
                app.appId(),
                UUID.randomUUID().toString(),
                Credentials.hashSecret(text),
                text.substring(0, HINT_LENGTH),
                now);
        directory.putSecret(secret);
        return SecretJson.of(secret, text);
    }

    private static App app(AdminExchange exchange) {
        String tenantId = exchange.tenant().id();
        String appId = Fields.guid(exchange.parameter("appId"), "appId");
        return exchange.directory()
                .app(tenantId, appId)
                .orElseThrow(() -> GraphError.NOT_FOUND.with("App '" + appId + "' was not found."));
    }
}
