package io.graphmeet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.graphmeet.demo.DemoDirectory;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code graphmeet-cli}: the admin API and the built-in issuer from a shell, in the vocabulary of Teams'
 * {@code *-CsApplicationAccessPolicy} cmdlets. Each setting comes from its option, else its environment variable,
 * else the development default.
 */
@Command(name = "graphmeet-cli", mixinStandardHelpOptions = true, version = "graphmeet-cli 0.1",
        description = "Manage a running graphmeet through its admin API, and get tokens from its built-in issuer.",
        subcommands = {TenantCommand.class, UserCommand.class, AppCommand.class, PolicyCommand.class,
                TokenCommand.class, KeyCommand.class})
public final class GraphmeetCli {

    @Option(names = "--admin-url", scope = ScopeType.INHERIT,
            description = "Admin API base URL (env GRAPHMEET_ADMIN_URL; default http://127.0.0.1:8081).")
    String adminUrl;

    @Option(names = "--admin-key", scope = ScopeType.INHERIT,
            description = "Admin key (env GRAPHMEET_ADMIN_KEY; default: the file admin.key in --data-dir).")
    String adminKey;

    @Option(names = "--data-dir", scope = ScopeType.INHERIT,
            description = "Where a generated admin.key is (env GRAPHMEET_STORAGE_DATA_DIR; default data).")
    String dataDir;

    @Option(names = "--server-url", scope = ScopeType.INHERIT,
            description = "Graph API and issuer base URL (env GRAPHMEET_SERVER_URL; default http://127.0.0.1:8080).")
    String serverUrl;

    @Option(names = "--tenant", scope = ScopeType.INHERIT,
            description = "Tenant id (env GRAPHMEET_TENANT; default the demo tenant " + DemoDirectory.TENANT_ID + ").")
    String tenant;

    private final Map<String, String> environment;
    private final PrintStream out;

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
        return stripSlash(setting(serverUrl, "GRAPHMEET_SERVER_URL", "http://127.0.0.1:8080"));
    }

    /** Calls the admin API with the resolved URL and key. */
    JsonNode admin(String method, String path, Object body) {
        return Http.admin(stripSlash(setting(adminUrl, "GRAPHMEET_ADMIN_URL", "http://127.0.0.1:8081")), key(),
                method, path, body);
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
        Path file = Path.of(setting(dataDir, "GRAPHMEET_STORAGE_DATA_DIR", "data")).resolve("admin.key");
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new CliException("no admin key: give --admin-key or GRAPHMEET_ADMIN_KEY, or run where " + file
                    + " is readable");
        }
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
}
