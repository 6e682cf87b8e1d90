package io.graphmeet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.graphmeet.config.ConfigException;
import io.graphmeet.config.ConfigLoader;
import io.graphmeet.config.GraphmeetConfig;
import io.graphmeet.config.Version;
import io.graphmeet.demo.DemoDirectory;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code graphmeet-cli}: the admin API and the built-in issuer from a shell, in the vocabulary of Teams'
 * {@code *-CsApplicationAccessPolicy} cmdlets. It finds the server the way the server was started: each setting
 * comes from its option, else its URL environment variable, else the server's own configuration (the same
 * {@code GRAPHMEET_*} variables and {@code --config} file the server reads, e.g. {@code GRAPHMEET_SERVER_PORT},
 * {@code GRAPHMEET_ADMIN_PORT}, {@code GRAPHMEET_STORAGE_DATA_DIR} and {@code GRAPHMEET_ADMIN_KEY}).
 */
@Command(
        name = "graphmeet-cli",
        mixinStandardHelpOptions = true,
        versionProvider = GraphmeetCli.BuildVersion.class,
        description = "Manage a running graphmeet through its admin API, and get tokens from its built-in issuer.",
        subcommands = {
            TenantCommand.class,
            UserCommand.class,
            AppCommand.class,
            PolicyCommand.class,
            TokenCommand.class,
            KeyCommand.class,
            FaultCommand.class
        })
public final class GraphmeetCli {

    @Option(
            names = "--admin-url",
            scope = ScopeType.INHERIT,
            description = "Admin API URL as the server logs it, with or without /admin/v1 (env GRAPHMEET_ADMIN_URL; "
                    + "default http://{admin.host}:{admin.port} of the server's configuration).")
    String adminUrl;

    @Option(
            names = "--admin-key",
            scope = ScopeType.INHERIT,
            description = "Admin key (env GRAPHMEET_ADMIN_KEY; default: the file admin.key in --data-dir).")
    String adminKey;

    @Option(
            names = "--data-dir",
            scope = ScopeType.INHERIT,
            description = "Where a generated admin.key is (default: the server's storage.dataDir, "
                    + "env GRAPHMEET_STORAGE_DATA_DIR, else data).")
    String dataDir;

    @Option(
            names = "--server-url",
            scope = ScopeType.INHERIT,
            description = "Graph API and issuer base URL (env GRAPHMEET_SERVER_URL; default "
                    + "http://{server.host}:{server.port} of the server's configuration).")
    String serverUrl;

    @Option(
            names = "--config",
            scope = ScopeType.INHERIT,
            paramLabel = "FILE",
            description = "The server's YAML configuration file, to find it as it was started (env GRAPHMEET_CONFIG).")
    Path configFile;

    @Option(
            names = "--tenant",
            scope = ScopeType.INHERIT,
            description = "Tenant id (env GRAPHMEET_TENANT; default the demo tenant " + DemoDirectory.TENANT_ID + ").")
    String tenant;

    private final Map<String, String> environment;
    private final PrintStream out;
    private GraphmeetConfig serverConfig;

    private GraphmeetCli(Map<String, String> environment, PrintStream out) {
        this.environment = Map.copyOf(environment);
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.getenv()));
    }

    /** Runs one command; returns the exit status: 0 done, 1 failed, 2 bad usage. */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> environment) {
        CommandLine commandLine = new CommandLine(new GraphmeetCli(environment, out));
        CommandLine completion = new CommandLine(new AutoComplete.GenerateCompletion());
        completion
                .getCommandSpec()
                .usageMessage()
                .hidden(false)
                .description("Print a bash/zsh completion script: source <(graphmeet-cli completion)");
        commandLine.addSubcommand("completion", completion);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setExecutionExceptionHandler((exception, command, parsed) -> {
            if (exception instanceof CliException failure) {
                err.println("graphmeet-cli: " + failure.getMessage());
                return 1;
            }
            throw exception;
        });
        return commandLine.execute(args);
    }

    String tenantId() {
        return setting(tenant, "GRAPHMEET_TENANT", DemoDirectory.TENANT_ID);
    }

    String serverUrl() {
        String given = setting(serverUrl, "GRAPHMEET_SERVER_URL", null);
        if (given != null) {
            return stripSlash(given);
        }
        GraphmeetConfig.Server server = serverConfig().server();
        return localUrl(server.host(), server.port(), "server.port", "--server-url");
    }

    String adminUrl() {
        String given = setting(adminUrl, "GRAPHMEET_ADMIN_URL", null);
        if (given != null) {
            String url = stripSlash(given);
            return url.endsWith(Http.ADMIN_BASE) ? url.substring(0, url.length() - Http.ADMIN_BASE.length()) : url;
        }
        GraphmeetConfig.Admin admin = serverConfig().admin();
        return localUrl(admin.host(), admin.port(), "admin.port", "--admin-url");
    }

    /** Calls the admin API with the resolved URL and key. */
    JsonNode admin(String method, String path, Object body) {
        return Http.admin(adminUrl(), key(), method, path, body);
    }

    /** Calls the admin API under {@code /tenants/{tenant}}. */
    JsonNode tenantAdmin(String method, String path, Object body) {
        return admin(method, "/tenants/" + tenantId() + path, body);
    }

    /** Prints an answer as indented JSON; an empty answer (204) prints nothing. */
    int print(JsonNode json) {
        if (!json.isEmpty()) {
            out.println(Http.pretty(json));
        }
        return 0;
    }

    PrintStream out() {
        return out;
    }

    private String key() {
        String key = setting(adminKey, "GRAPHMEET_ADMIN_KEY", null);
        if (key != null) {
            return key;
        }
        if (dataDir == null && serverConfig().admin().key() != null) {
            return serverConfig().admin().key();
        }
        Path file =
                (dataDir != null ? Path.of(dataDir) : serverConfig().storage().dataDir()).resolve("admin.key");
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new CliException("no admin key: give --admin-key or GRAPHMEET_ADMIN_KEY, or run where " + file
                    + " is readable (--data-dir)");
        }
    }

    /** The server's configuration, read as the server reads it, to find its listeners and data folder. */
    private GraphmeetConfig serverConfig() {
        if (serverConfig == null) {
            String file = configFile != null ? configFile.toString() : setting(null, "GRAPHMEET_CONFIG", null);
            try {
                serverConfig = ConfigLoader.load(file == null ? null : Path.of(file), environment);
            } catch (ConfigException e) {
                throw new CliException("cannot find the server from its configuration (" + e.getMessage()
                        + "); give --server-url, --admin-url and --admin-key");
            }
        }
        return serverConfig;
    }

    /** The URL of a listener on this machine: a wildcard address is reached on loopback. */
    private static String localUrl(String host, int port, String portSetting, String option) {
        if (port == 0) {
            throw new CliException(portSetting + " is 0, so the server chose a free port at start: give " + option
                    + " as the server logged it");
        }
        String reachable = switch (host) {
            case "0.0.0.0" -> "127.0.0.1";
            case "::", "[::]" -> "[::1]";
            default -> host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        };
        return "http://" + reachable + ":" + port;
    }

    private String setting(String option, String variable, String fallback) {
        if (option != null && !option.isBlank()) {
            return option;
        }
        String fromEnvironment = environment.get(variable);
        return fromEnvironment != null && !fromEnvironment.isBlank() ? fromEnvironment : fallback;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** {@code --version}: this build's version. */
    static final class BuildVersion implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"graphmeet-cli " + Version.current()};
        }
    }
}
