package io.graphmeet.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code user add|list|get|set|remove}. */
@Command(name = "user", description = "Users of the tenant: add, list, get, set, remove.")
final class UserCommand {

    @ParentCommand
    GraphmeetCli cli;

    @Command(name = "add", description = "Create a user; prints it.")
    int add(
            @Option(names = "--upn", required = true, description = "User principal name, e.g. adele@contoso.com.")
                    String upn,
            @Option(names = "--id", description = "Object id (a GUID; default: a new one).") String id,
            @Option(names = "--display-name") String displayName,
            @Option(names = "--password", description = "Sign-in password for the built-in issuer.") String password) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("userPrincipalName", upn);
        body.put("displayName", displayName);
        if (password != null) {
            body.put("password", password);
        }
        return cli.print(cli.tenantAdmin("POST", "/users", body));
    }

    @Command(name = "list", description = "List users.")
    int list() {
        return cli.print(cli.tenantAdmin("GET", "/users", null));
    }

    @Command(name = "get", description = "Show a user.")
    int get(@Option(names = "--user", required = true, description = "Object id.") String user) {
        return cli.print(cli.tenantAdmin("GET", "/users/" + user, null));
    }

    @Command(name = "set", description = "Change a user's UPN, display name or password.")
    int set(
            @Option(names = "--user", required = true, description = "Object id.") String user,
            @Option(names = "--upn") String upn,
            @Option(names = "--display-name") String displayName,
            @Option(names = "--password") String password) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (upn != null) {
            body.put("userPrincipalName", upn);
        }
        if (displayName != null) {
            body.put("displayName", displayName);
        }
        if (password != null) {
            body.put("password", password);
        }
        return cli.print(cli.tenantAdmin("PATCH", "/users/" + user, body));
    }

    @Command(name = "remove", description = "Delete a user with their password and grant.")
    int remove(@Option(names = "--user", required = true, description = "Object id.") String user) {
        return cli.print(cli.tenantAdmin("DELETE", "/users/" + user, null));
    }
}
