package io.graphmeet.fault;

import io.graphmeet.Graphmeet;
import io.graphmeet.config.ConfigLoader;
import io.graphmeet.meetings.RandomMeetingIdentifiers;
import io.graphmeet.testing.Contoso;
import io.graphmeet.testing.TestIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** Settings of graphmeet nodes on a PostgreSQL of a test's own, seeded with the Contoso directory. */
public final class Nodes {

    private Nodes() {}

    /** Environment-style settings of a node on {@code jdbcUrl} with free ports, trusting {@code issuer}. */
    public static Map<String, String> onPostgres(Path scratch, TestIssuer issuer, String jdbcUrl) {
        Map<String, String> settings = new HashMap<>();
        settings.put("GRAPHMEET_STORAGE_KIND", "postgres");
        settings.put("GRAPHMEET_STORAGE_DATA_DIR", scratch.resolve("node-data").toString());
        settings.put("GRAPHMEET_STORAGE_POSTGRES_URL", jdbcUrl);
        settings.put("GRAPHMEET_STORAGE_POSTGRES_USER", "postgres");
        settings.put("GRAPHMEET_STORAGE_POSTGRES_POOL_SIZE", "8");
        settings.put("GRAPHMEET_SERVER_PORT", "0");
        settings.put("GRAPHMEET_ADMIN_PORT", "0");
        settings.put("GRAPHMEET_MANAGEMENT_PORT", "0");
        settings.put("GRAPHMEET_AUTH_ISSUERS", issuer.issuersSetting());
        try {
            Path seed = scratch.resolve("directory.yaml");
            Files.writeString(seed, Contoso.DIRECTORY);
            settings.put("GRAPHMEET_DIRECTORY_BOOTSTRAP_FILE", seed.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return settings;
    }

    /** A node in this JVM. */
    public static Graphmeet start(Map<String, String> settings) {
        return Graphmeet.start(
                ConfigLoader.load(null, settings), Clock.systemUTC(), new RandomMeetingIdentifiers(Clock.systemUTC()));
    }
}
