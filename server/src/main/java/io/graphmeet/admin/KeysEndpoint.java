package io.graphmeet.admin;

import io.graphmeet.admin.AdminJson.KeyJson;
import io.graphmeet.admin.AdminJson.Values;
import io.graphmeet.errors.GraphError;
import io.graphmeet.http.Reply;
import io.graphmeet.issuer.SigningKeys;

/** The built-in issuer's signing keys: list them, and rotate to a new one. */
final class KeysEndpoint {

    Reply list(AdminExchange exchange) {
        return Reply.of(
                200, new Values<>(keys(exchange).all().stream().map(KeyJson::of).toList()));
    }

    /** A new key signs from now on; the previous ones keep verifying until their tokens have expired. */
    Reply rotate(AdminExchange exchange) {
        exchange.body();
        return Reply.of(201, KeyJson.of(keys(exchange).rotate()));
    }

    private static SigningKeys keys(AdminExchange exchange) {
        SigningKeys keys = exchange.context().signingKeys();
        if (keys == null) {
            throw GraphError.NOT_FOUND.with("The built-in token issuer is off (issuer.enabled=false).");
        }
        return keys;
    }
}
