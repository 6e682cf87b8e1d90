package io.graphmeet;

import io.graphmeet.admin.AdminRoutes;
import io.graphmeet.config.ConfigException;
import io.graphmeet.config.ConfigLoader;
import io.graphmeet.config.ConfigReport;
import io.graphmeet.config.GraphmeetConfig;
import io.graphmeet.config.Version;
import io.graphmeet.demo.DemoDirectory;
import io.graphmeet.meetings.RandomMeetingIdentifiers;
import io.helidon.logging.common.LogConfig;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts graphmeet: {@code java -jar graphmeet.jar [--config graphmeet.yaml]}. Any failure to start is one line
 * on standard error and exit status 2; {@code --help} lists every setting. The three arguments are read by hand:
 * an argument library would cost the server's start-up time more than it saves here.
 */
public final class Main {

    private static final Logger LOG = Logger.getLogger(Main.class.getName());
    private static final int FAILED_TO_START = 2;
    private static final String USAGE = """
            Usage: graphmeet [--config FILE] [--help] [--version]
            A self-hostable server of Microsoft Graph's onlineMeetings API.
              --config FILE   YAML configuration file (default: the file GRAPHMEET_CONFIG names, else none).
              -h, --help      Print this help, with every setting, and exit.
              -V, --version   Print the version and exit.
            """;

    private final Path configFile;

    private Main(Path configFile) {
        this.configFile = configFile;
    }

    public static void main(String[] args) {
        Path configFile = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "-h", "--help" -> {
                    System.out.println(USAGE);
                    System.out.println(ConfigReport.reference());
                    return;
                }
                case "-V", "--version" -> {
                    System.out.println("graphmeet " + Version.current());
                    return;
                }
                case "--config" -> {
                    if (i + 1 == args.length) {
                        throw fail("--config needs a file (see --help)");
                    }
                    configFile = Path.of(args[++i]);
                }
                default -> {
                    if (args[i].startsWith("--config=")) {
                        configFile = Path.of(args[i].substring("--config=".length()));
                    } else {
                        throw fail("unknown argument '" + args[i] + "' (see --help)");
                    }
                }
            }
        }
        new Main(configFile).run();
    }

    private void run() {
        LogConfig.configureRuntime();
        LOG.info("graphmeet " + Version.current() + " starting (Java " + Runtime.version() + ", pid "
                + ProcessHandle.current().pid() + ")");
        Map<String, String> environment = System.getenv();
        GraphmeetConfig config;
        try {
            config = ConfigLoader.load(configFile(environment), environment);
        } catch (ConfigException e) {
            throw fail("invalid configuration: " + e.getMessage());
        }
        LOG.info("configuration:\n" + ConfigReport.describe(config));
        ConfigReport.warnings(config, environment).forEach(LOG::warning);
        Graphmeet running;
        try {
            running = Graphmeet.start(config, Clock.systemUTC(), new RandomMeetingIdentifiers(Clock.systemUTC()));
        } catch (ConfigException e) {
            throw fail("invalid configuration: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "start-up failed", e);
            throw fail("cannot start: " + reason(e));
        }
        ShutdownLog shutdownLog = ShutdownLog.install();
        io.helidon.Main.addShutdownHandler(() -> {
            try {
                running.close();
                LOG.info("graphmeet stopped");
            } finally {
                shutdownLog.done();
            }
        });
        long startedMillis = System.currentTimeMillis()
                - ManagementFactory.getRuntimeMXBean().getStartTime();
        LOG.info("management (health, metrics, info) on " + running.managementUrl() + "/observe");
        LOG.info("graphmeet ready on " + running.config().server().effectivePublicUrl()
                + running.httpsUrl().map(url -> " and " + url).orElse("")
                + " (" + startedMillis + " ms after launch)");
        running.adminUrl()
                .ifPresent(url -> LOG.info("admin API on " + url + AdminRoutes.BASE + ", key "
                        + running.adminKey()
                                .map(key -> key.file() == null ? "from admin.key" : "in " + key.file())
                                .orElse("")));
        if (running.config().issuer().enabled() && running.config().directory().seedDemo()) {
            LOG.info(DemoDirectory.howToGetAToken(running.config().server().effectivePublicUrl()));
        }
    }

    private Path configFile(Map<String, String> environment) {
        if (configFile != null) {
            return configFile;
        }
        String fromEnvironment = environment.get("GRAPHMEET_CONFIG");
        return fromEnvironment == null || fromEnvironment.isBlank() ? null : Path.of(fromEnvironment);
    }

    /** The failure's message, and its cause's where the message leaves it out. */
    private static String reason(RuntimeException failure) {
        String message = failure.getMessage() == null ? failure.toString() : failure.getMessage();
        Throwable cause = failure.getCause();
        return cause == null || cause.getMessage() == null || message.contains(cause.getMessage())
                ? message
                : message + ": " + cause.getMessage();
    }

    /** Says why in one line and exits with status 2; never returns (the result is only for {@code throw}). */
    private static IllegalStateException fail(String reason) {
        System.err.println("graphmeet: " + reason.replaceAll("\\s*\\R\\s*", " "));
        System.exit(FAILED_TO_START);
        return new IllegalStateException("exit did not stop the JVM");
    }
}
