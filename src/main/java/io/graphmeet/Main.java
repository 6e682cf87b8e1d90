package io.graphmeet;

import io.graphmeet.admin.AdminRoutes;
import io.graphmeet.config.ConfigException;
import io.graphmeet.config.ConfigLoader;
import io.graphmeet.config.GraphmeetConfig;
import io.graphmeet.demo.DemoDirectory;
import io.graphmeet.meetings.RandomMeetingIdentifiers;
import io.helidon.logging.common.LogConfig;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.logging.Logger;

/** Starts graphmeet: {@code java -jar graphmeet.jar [--config graphmeet.yaml]}. */
public final class Main {

    private static final Logger LOG = Logger.getLogger(Main.class.getName());

    private Main() {}

    public static void main(String[] args) {
        LogConfig.configureRuntime();
        GraphmeetConfig config;
        try {
            config = ConfigLoader.load(configFile(args), System.getenv());
        } catch (ConfigException e) {
            System.err.println("graphmeet: invalid configuration: " + e.getMessage());
            System.exit(2);
            return;
        }
        LOG.info("configuration:\n" + ConfigLoader.describe(config));
        Graphmeet graphmeet = Graphmeet.start(config, Clock.systemUTC(), new RandomMeetingIdentifiers());
        Runtime.getRuntime().addShutdownHook(new Thread(graphmeet::close, "graphmeet-shutdown"));
        long startedMillis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        LOG.info("management (health, metrics, info) on " + graphmeet.managementUrl() + "/observe");
        LOG.info("graphmeet ready on " + graphmeet.config().server().effectivePublicUrl()
                + graphmeet.httpsUrl().map(url -> " and " + url).orElse("")
                + " (" + startedMillis + " ms after launch)");
        graphmeet.adminUrl().ifPresent(url -> LOG.info("admin API on " + url + AdminRoutes.BASE + ", key "
                + graphmeet.adminKey().map(key -> key.file() == null ? "from admin.key" : "in " + key.file())
                        .orElse("")));
        if (graphmeet.config().issuer().enabled() && graphmeet.config().directory().seedDemo()) {
            LOG.info(DemoDirectory.howToGetAToken(graphmeet.config().server().effectivePublicUrl()));
        }
    }

    private static Path configFile(String[] args) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--config")) {
                return Path.of(args[i + 1]);
            }
        }
        String fromEnvironment = System.getenv("GRAPHMEET_CONFIG");
        return fromEnvironment == null || fromEnvironment.isBlank() ? null : Path.of(fromEnvironment);
    }
}
