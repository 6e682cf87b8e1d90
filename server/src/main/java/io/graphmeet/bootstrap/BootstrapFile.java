package io.graphmeet.bootstrap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.graphmeet.config.ConfigException;
import io.graphmeet.directory.AccessPolicy;
import io.graphmeet.directory.App;
import io.graphmeet.directory.AppSecret;
import io.graphmeet.directory.Credentials;
import io.graphmeet.directory.DirectoryStore;
import io.graphmeet.directory.Tenant;
import io.graphmeet.directory.User;
import io.graphmeet.faults.FaultRule;
import io.graphmeet.faults.FaultRuleJson;
import io.graphmeet.faults.FaultRules;
import io.graphmeet.faults.InvalidFaultRuleException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The declarative directory seed read at start-up: tenants with their users (and sign-in passwords), app
 * registrations (and a client secret each), access policies and grants — all a CI job needs to get tokens
 * from the built-in issuer with no admin calls — and the scripted fault rules to set at start (a {@code faults:}
 * list, each rule written as the admin API takes it). Applying it is idempotent: entries are upserted, an app's
 * seeded secret replaces the one seeded before, nothing else is removed; fault rules live in memory, so each start
 * sets them afresh.
 */
public final class BootstrapFile {

    private static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory()).configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    private static final Pattern GUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final List<String> DEFAULT_APP_PERMISSIONS = List.of("OnlineMeetings.ReadWrite.All");
    private static final int SECRET_HINT_LENGTH = 3;

    private final Path file;
    private final DirectoryStore directory;
    private final FaultRules faults;
    private final UnaryOperator<String> environment;
    private final Instant now;
    private int tenants;
    private int users;
    private int passwords;
    private int apps;
    private int secrets;
    private int policies;
    private int grants;
    private int faultRules;

    private BootstrapFile(
            Path file, DirectoryStore directory, FaultRules faults, UnaryOperator<String> environment, Instant now) {
        this.file = file;
        this.directory = directory;
        this.faults = faults;
        this.environment = environment;
        this.now = now;
    }

    /**
     * Reads {@code file}, writes its entries into {@code directory} and sets its fault rules in {@code faults};
     * secrets and passwords named by {@code secretFromEnv} / {@code passwordFromEnv} are looked up in
     * {@code environment}. Returns what it applied, in words for the start-up log. Any mistake in the file fails
     * with a {@link ConfigException} that names the entry.
     */
    public static String apply(
            Path file, DirectoryStore directory, FaultRules faults, UnaryOperator<String> environment, Instant now) {
        Seed seed;
        try {
            seed = YAML.readValue(Files.readString(file), Seed.class);
        } catch (JsonProcessingException e) {
            throw new ConfigException("directory.bootstrapFile " + file + ": " + e.getOriginalMessage() + " at line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()));
        } catch (IOException e) {
            throw new ConfigException("directory.bootstrapFile " + file + " cannot be read: " + e.getMessage());
        }
        BootstrapFile applying = new BootstrapFile(file, directory, faults, environment, now);
        if (seed != null && seed.tenants() != null) {
            for (int t = 0; t < seed.tenants().size(); t++) {
                applying.tenant(seed.tenants().get(t), "tenants[" + t + "]");
            }
        }
        if (seed != null && seed.faults() != null) {
            applying.faults(seed.faults());
        }
        return applying.summary();
    }

    private void tenant(SeedTenant tenant, String where) {
        if (tenant == null) {
            throw invalid(where, "is empty");
        }
        String tenantId = guid(tenant.id(), where + ".id");
        directory.putTenant(new Tenant(tenantId, tenant.displayName()));
        tenants++;
        for (int u = 0; u < size(tenant.users()); u++) {
            user(tenantId, tenant.users().get(u), where + ".users[" + u + "]");
        }
        for (int a = 0; a < size(tenant.apps()); a++) {
            app(tenantId, tenant.apps().get(a), where + ".apps[" + a + "]");
        }
        for (int p = 0; p < size(tenant.policies()); p++) {
            SeedPolicy policy = tenant.policies().get(p);
            String at = where + ".policies[" + p + "]";
            String name = required(policy.identity(), at + ".identity");
            List<String> appIds = policy.appIds() == null ? List.of() : policy.appIds();
            for (int i = 0; i < appIds.size(); i++) {
                guid(appIds.get(i), at + ".appIds[" + i + "]");
            }
            directory.putPolicy(new AccessPolicy(
                    tenantId,
                    name,
                    Set.copyOf(appIds.stream()
                            .map(id -> id.toLowerCase(Locale.ROOT))
                            .toList())));
            policies++;
        }
        for (int g = 0; g < size(tenant.grants()); g++) {
            grant(tenantId, tenant.grants().get(g), where + ".grants[" + g + "]");
        }
    }

    private void user(String tenantId, SeedUser user, String where) {
        String userId = guid(user.id(), where + ".id");
        directory.putUser(new User(tenantId, userId, user.upn(), user.displayName()));
        users++;
        String password = secretText(user.password(), user.passwordFromEnv(), where, "password");
        if (password != null) {
            directory.putPasswordHash(tenantId, userId, Credentials.hashPassword(password));
            passwords++;
        }
    }

    private void app(String tenantId, SeedApp app, String where) {
        String appId = guid(app.appId(), where + ".appId");
        String servicePrincipalId = directory
                .app(tenantId, appId)
                .map(App::servicePrincipalId)
                .orElseGet(() -> stableId("service-principal", tenantId, appId));
        directory.putApp(new App(
                tenantId,
                appId,
                servicePrincipalId,
                app.displayName(),
                Set.copyOf(app.permissions() == null ? DEFAULT_APP_PERMISSIONS : app.permissions())));
        apps++;
        String secret = secretText(app.secret(), app.secretFromEnv(), where, "secret");
        if (secret != null) {
            directory.putSecret(new AppSecret(
                    tenantId,
                    appId,
                    stableId("secret", tenantId, appId),
                    Credentials.hashSecret(secret),
                    secret.substring(0, Math.min(SECRET_HINT_LENGTH, secret.length())),
                    now));
            secrets++;
        }
    }

    private void grant(String tenantId, SeedGrant grant, String where) {
        String policy = required(grant.policy(), where + ".policy");
        if (directory.policy(tenantId, policy).isEmpty()) {
            throw invalid(where + ".policy", "no policy named '" + policy + "'");
        }
        if (Boolean.TRUE.equals(grant.global()) == (grant.user() != null)) {
            throw invalid(where, "give exactly one of user and global: true");
        }
        if (grant.user() != null) {
            directory.grantToUser(tenantId, guid(grant.user(), where + ".user"), policy);
        } else {
            directory.grantGlobally(tenantId, policy);
        }
        grants++;
    }

    /** Reads every rule first, so that a mistake in any of them sets none. */
    private void faults(List<JsonNode> written) {
        List<FaultRule> rules = new ArrayList<>();
        for (int f = 0; f < written.size(); f++) {
            try {
                rules.add(FaultRuleJson.read(written.get(f)));
            } catch (InvalidFaultRuleException e) {
                throw invalid("faults[" + f + "]", e.getMessage());
            }
        }
        rules.forEach(faults::add);
        faultRules = rules.size();
    }

    /** A secret given in the file or in the environment variable the file names; null when neither is given. */
    private String secretText(String given, String variable, String where, String field) {
        if (given != null && variable != null) {
            throw invalid(where, "give " + field + " or " + field + "FromEnv, not both");
        }
        if (variable != null) {
            String value = environment.apply(variable);
            if (value == null || value.isEmpty()) {
                throw invalid(where + "." + field + "FromEnv", "the environment variable " + variable + " is not set");
            }
            return value;
        }
        if (given != null && given.isEmpty()) {
            throw invalid(where + "." + field, "must not be empty");
        }
        return given;
    }

    private String summary() {
        return "directory seed " + file + " applied: " + tenants + " tenant(s), " + users + " user(s) (" + passwords
                + " with a password), " + apps + " app(s) (" + secrets + " with a secret), " + policies
                + " policy(ies), " + grants + " grant(s), " + faultRules + " fault rule(s)";
    }

    /** The same id for the same tenant and app at every start, so that re-applying the seed replaces, not adds. */
    private static String stableId(String kind, String tenantId, String appId) {
        return UUID.nameUUIDFromBytes(
                        ("graphmeet-seed/" + kind + "/" + tenantId + "/" + appId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private String guid(String value, String where) {
        required(value, where);
        if (!GUID.matcher(value).matches()) {
            throw invalid(where, "must be a GUID such as 5f1c6d2e-8a4b-4c3d-9e0f-1a2b3c4d5e6f, was '" + value + "'");
        }
        return value.toLowerCase(Locale.ROOT);
    }

    private String required(String value, String where) {
        if (value == null || value.isBlank()) {
            throw invalid(where, "is required");
        }
        return value;
    }

    private ConfigException invalid(String where, String problem) {
        return new ConfigException("directory.bootstrapFile " + file + " " + where + ": " + problem);
    }

    private static int size(List<?> list) {
        return list == null ? 0 : list.size();
    }

    record Seed(List<SeedTenant> tenants, List<JsonNode> faults) {}

    record SeedTenant(
            String id,
            String displayName,
            List<SeedUser> users,
            List<SeedApp> apps,
            List<SeedPolicy> policies,
            List<SeedGrant> grants) {}

    record SeedUser(String id, String upn, String displayName, String password, String passwordFromEnv) {}

    record SeedApp(String appId, String displayName, List<String> permissions, String secret, String secretFromEnv) {}

    record SeedPolicy(String identity, List<String> appIds) {}

    record SeedGrant(String policy, String user, Boolean global) {}
}
