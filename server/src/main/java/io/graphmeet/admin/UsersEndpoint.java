package io.graphmeet.admin;

import io.graphmeet.admin.AdminJson.UserJson;
import io.graphmeet.admin.AdminJson.Values;
import io.graphmeet.directory.Credentials;
import io.graphmeet.directory.DirectoryStore;
import io.graphmeet.directory.User;
import io.graphmeet.errors.GraphError;
import io.graphmeet.http.JsonFields;
import io.graphmeet.http.Reply;

/** Users of a tenant: id, UPN, display name and an optional sign-in password for the built-in issuer. */
final class UsersEndpoint {

    Reply list(AdminExchange exchange) {
        String tenantId = exchange.tenant().id();
        DirectoryStore directory = exchange.directory();
        return Reply.of(
                200,
                new Values<>(directory.users(tenantId).stream()
                        .map(user -> json(directory, user))
                        .toList()));
    }

    Reply create(AdminExchange exchange) {
        String tenantId = exchange.tenant().id();
        JsonFields body = exchange.body("id", "userPrincipalName", "displayName", "password");
        String id = Fields.guidOrNew(body.string("id"), "id");
        String upn = Fields.upn(body.requiredString("userPrincipalName"), "userPrincipalName");
        DirectoryStore directory = exchange.directory();
        if (directory.userById(tenantId, id).isPresent()) {
            throw GraphError.CONFLICT.with("User '" + id + "' already exists.");
        }
        refuseTakenUpn(directory, tenantId, upn, id);
        User user = new User(tenantId, id, upn, Fields.text(body.string("displayName"), "displayName"));
        Runnable setPassword = passwordChange(directory, user, body);
        directory.putUser(user);
        setPassword.run();
        return Reply.of(201, json(directory, user));
    }

    Reply get(AdminExchange exchange) {
        return Reply.of(200, json(exchange.directory(), user(exchange)));
    }

    /** Changes the UPN, display name or password; a null password removes it. */
    Reply update(AdminExchange exchange) {
        User user = user(exchange);
        JsonFields body = exchange.body("userPrincipalName", "displayName", "password");
        DirectoryStore directory = exchange.directory();
        String upn = body.has("userPrincipalName")
                ? Fields.upn(body.requiredString("userPrincipalName"), "userPrincipalName")
                : user.upn();
        refuseTakenUpn(directory, user.tenantId(), upn, user.id());
        User changed = new User(
                user.tenantId(),
                user.id(),
                upn,
                body.has("displayName") ? Fields.text(body.string("displayName"), "displayName") : user.displayName());
        Runnable setPassword = passwordChange(directory, changed, body);
        directory.putUser(changed);
        setPassword.run();
        return Reply.of(200, json(directory, changed));
    }

    Reply delete(AdminExchange exchange) {
        User user = user(exchange);
        exchange.directory().deleteUser(user.tenantId(), user.id());
        return Reply.noContent();
    }

    private static User user(AdminExchange exchange) {
        String tenantId = exchange.tenant().id();
        String userId = Fields.guid(exchange.parameter("userId"), "userId");
        return exchange.directory()
                .userById(tenantId, userId)
                .orElseThrow(() -> GraphError.NOT_FOUND.with("User '" + userId + "' was not found."));
    }

    private static void refuseTakenUpn(DirectoryStore directory, String tenantId, String upn, String ownerId) {
        directory
                .userByUpn(tenantId, upn)
                .filter(other -> !other.id().equals(ownerId))
                .ifPresent(other -> {
                    throw GraphError.CONFLICT.with(
                            "User principal name '" + upn + "' belongs to user " + other.id() + ".");
                });
    }

    /** The password change the body asks for, validated before anything is written. */
    private static Runnable passwordChange(DirectoryStore directory, User user, JsonFields body) {
        if (!body.has("password")) {
            return () -> {};
        }
        String password = body.string("password");
        if (password != null && (password.isEmpty() || password.length() > 256)) {
            throw GraphError.BAD_REQUEST.with("Property 'password' must be 1 to 256 characters.");
        }
        String hash = password == null ? null : Credentials.hashPassword(password);
        return () -> directory.putPasswordHash(user.tenantId(), user.id(), hash);
    }

    private static UserJson json(DirectoryStore directory, User user) {
        return UserJson.of(
                user, directory.passwordHash(user.tenantId(), user.id()).isPresent());
    }
}
