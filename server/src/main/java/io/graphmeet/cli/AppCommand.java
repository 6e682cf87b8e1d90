package io.graphmeet.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code app add|list|get|set|remove|add-secret|remove-secret}. */
@Command(name = "app", description = "App registrations of the tenant, their permissions and client secrets.")
final class AppCommand {

    @ParentCommand
    GraphmeetCli cli;

    @Command(
            name = "add",
            description = "Register an app with one client secret; prints it with secretText, shown only this once.")
    int add(
            @Option(names = "--app-id", description = "Client id (a GUID; default: a new one).") String appId,
            @Option(names = "--display-name") String displayName,
            @Option(
                            names = "--permissions",
                            split = ",",
                            defaultValue = "OnlineMeetings.ReadWrite.All",
                            description = "Application permissions, comma-separated (default: ${DEFAULT-VALUE}).")
                    List<String> permissions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("appId", appId);
        body.put("displayName", displayName);
        body.put("permissions", permissions.stream().filter(p -> !p.isBlank()).toList());
        return cli.print(cli.tenantAdmin("POST", "/apps", body));
    }

    @Command(name = "list", description = "List apps.")
    int list() {
        return cli.print(cli.tenantAdmin("GET", "/apps", null));
    }

    @Command(name = "get", description = "Show an app and its secrets' ids and hints.")
    int get(@Option(names = "--app", required = true, description = "Client id.") String app) {
        return cli.print(cli.tenantAdmin("GET", "/apps/" + app, null));
    }

    @Command(name = "set", description = "Change an app's display name or replace its permissions.")
    int set(
            @Option(names = "--app", required = true, description = "Client id.") String app,
            @Option(names = "--display-name") String displayName,
            @Option(names = "--permissions", split = ",") List<String> permissions) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (displayName != null) {
            body.put("displayName", displayName);
        }
        if (permissions != null) {
            body.put(
                    "permissions",
                    permissions.stream().filter(p -> !p.isBlank()).toList());
        }
        return cli.print(cli.tenantAdmin("PATCH", "/apps/" + app, body));
    }

    @Command(name = "remove", description = "Delete an app registration and its secrets.")
    int remove(@Option(names = "--app", required = true, description = "Client id.") String app) {
        return cli.print(cli.tenantAdmin("DELETE", "/apps/" + app, null));
    }

    @Command(name = "add-secret", description = "Add a client secret; prints its secretText, shown only this once.")
    int addSecret(@Option(names = "--app", required = true, description = "Client id.") String app) {
        return cli.print(cli.tenantAdmin("POST", "/apps/" + app + "/secrets", null));
    }

    @Command(name = "remove-secret", description = "Delete a client secret.")
    int removeSecret(
            @Option(names = "--app", required = true, description = "Client id.") String app,
            @Option(names = "--secret-id", required = true) String secretId) {
        return cli.print(cli.tenantAdmin("DELETE", "/apps/" + app + "/secrets/" + secretId, null));
    }
}
