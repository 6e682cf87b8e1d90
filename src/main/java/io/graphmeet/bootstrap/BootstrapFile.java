package io.graphmeet.bootstrap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.graphmeet.config.ConfigException;
import io.graphmeet.directory.AccessPolicy;
import io.graphmeet.directory.DirectoryStore;
import io.graphmeet.directory.Tenant;
import io.graphmeet.directory.User;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The declarative directory seed read at start-up: tenants with their users, access policies and grants.
 * Applying it is idempotent: entries are upserted, nothing else is removed.
 */
public final class BootstrapFile {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private BootstrapFile() {}

    /** Reads {@code file} and writes its entries into {@code directory}. */
    public static void apply(Path file, DirectoryStore directory) {
        Seed seed;
        try {
            seed = YAML.readValue(Files.readString(file), Seed.class);
        } catch (JsonProcessingException e) {
            throw new ConfigException("directory.bootstrapFile " + file + ": " + e.getOriginalMessage()
                    + " at line " + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()));
        } catch (IOException e) {
            throw new ConfigException("directory.bootstrapFile " + file + " cannot be read: " + e.getMessage());
        }
        if (seed == null || seed.tenants() == null) {
            return;
        }
        for (int t = 0; t < seed.tenants().size(); t++) {
            applyTenant(seed.tenants().get(t), "tenants[" + t + "]", directory);
        }
    }

    private static void applyTenant(SeedTenant tenant, String where, DirectoryStore directory) {
        String tenantId = lower(required(tenant.id(), where + ".id"));
        directory.putTenant(new Tenant(tenantId, tenant.displayName()));
        for (int u = 0; u < size(tenant.users()); u++) {
            SeedUser user = tenant.users().get(u);
            directory.putUser(new User(tenantId, lower(required(user.id(), where + ".users[" + u + "].id")), user.upn(),
                    user.displayName()));
        }
        for (int p = 0; p < size(tenant.policies()); p++) {
            SeedPolicy policy = tenant.policies().get(p);
            String name = required(policy.identity(), where + ".policies[" + p + "].identity");
            directory.putPolicy(new AccessPolicy(tenantId, name,
                    (policy.appIds() == null ? List.<String>of() : policy.appIds()).stream().map(BootstrapFile::lower)
                            .collect(Collectors.toUnmodifiableSet())));
        }
        for (int g = 0; g < size(tenant.grants()); g++) {
            SeedGrant grant = tenant.grants().get(g);
            String at = where + ".grants[" + g + "]";
            String policy = required(grant.policy(), at + ".policy");
            if (directory.policy(tenantId, policy).isEmpty()) {
                throw new ConfigException("directory.bootstrapFile " + at + ".policy: no policy named '" + policy + "'");
            }
            if (Boolean.TRUE.equals(grant.global()) == (grant.user() != null)) {
                throw new ConfigException("directory.bootstrapFile " + at + ": give exactly one of user and global: true");
            }
            if (grant.user() != null) {
                directory.grantToUser(tenantId, lower(grant.user()), policy);
            } else {
                directory.grantGlobally(tenantId, policy);
            }
        }
    }

    /** Ids are GUIDs, compared without regard to case: kept in lower case, as the token and path edges read them. */
    private static String lower(String id) {
        return id == null ? null : id.toLowerCase(Locale.ROOT);
    }

    private static int size(List<?> list) {
        return list == null ? 0 : list.size();
    }

    private static String required(String value, String where) {
        if (value == null || value.isBlank()) {
            throw new ConfigException("directory.bootstrapFile " + where + ": is required");
        }
        return value;
    }

    record Seed(List<SeedTenant> tenants) {}

    record SeedTenant(String id, String displayName, List<SeedUser> users, List<SeedPolicy> policies,
            List<SeedGrant> grants) {}

    record SeedUser(String id, String upn, String displayName) {}

    record SeedPolicy(String identity, List<String> appIds) {}

    record SeedGrant(String policy, String user, Boolean global) {}
}
