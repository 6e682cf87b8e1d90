package io.graphmeet.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.graphmeet.directory.AccessPolicy;
import io.graphmeet.directory.App;
import io.graphmeet.directory.AppSecret;
import io.graphmeet.directory.Tenant;
import io.graphmeet.directory.User;
import io.graphmeet.issuer.SigningKeyStore.StoredKey;
import java.util.List;

/** The admin API's wire records; names follow Graph's where Graph has the concept. */
final class AdminJson {

    private AdminJson() {}

    /** A list answer, as Graph wraps collections. */
    record Values<T>(List<T> value) {}

    record TenantJson(String id, String displayName) {
        static TenantJson of(Tenant tenant) {
            return new TenantJson(tenant.id(), tenant.displayName());
        }
    }

    record UserJson(String id, String userPrincipalName, String displayName, boolean hasPassword) {
        static UserJson of(User user, boolean hasPassword) {
            return new UserJson(user.id(), user.upn(), user.displayName(), hasPassword);
        }
    }

    /** A client secret; {@code secretText} only in the answer that created it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SecretJson(String id, String hint, String createdDateTime, String secretText) {
        static SecretJson of(AppSecret secret, String secretText) {
            return new SecretJson(
                    secret.secretId(), secret.hint(), secret.createdAt().toString(), secretText);
        }
    }

    /** An app registration; {@code secretText} only in the answer that created it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AppJson(
            String appId,
            String displayName,
            String servicePrincipalId,
            List<String> permissions,
            List<SecretJson> secrets,
            String secretText) {
        static AppJson of(App app, List<AppSecret> secrets, String secretText) {
            return new AppJson(
                    app.appId(),
                    app.displayName(),
                    app.servicePrincipalId(),
                    app.permissions().stream().sorted().toList(),
                    secrets.stream().map(secret -> SecretJson.of(secret, null)).toList(),
                    secretText);
        }
    }

    record PolicyJson(String identity, List<String> appIds) {
        static PolicyJson of(AccessPolicy policy) {
            return new PolicyJson(
                    policy.name(), policy.appIds().stream().sorted().toList());
        }
    }

    record UserGrantJson(String userId, String policy) {}

    /** The tenant-wide grant (null when none) and the per-user ones. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record GrantsJson(String global, List<UserGrantJson> users) {}

    record KeyJson(String kid, String createdDateTime, String retireDateTime, boolean signing) {
        static KeyJson of(StoredKey key) {
            return new KeyJson(
                    key.kid(),
                    key.createdAt().toString(),
                    key.retireAt() == null ? null : key.retireAt().toString(),
                    key.signing());
        }
    }

    record ResetJson(String tenantId, int deletedMeetings) {}
}
