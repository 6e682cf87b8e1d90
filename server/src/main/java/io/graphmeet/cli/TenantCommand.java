package io.graphmeet.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code tenant add|list|get|remove|reset}. */
@Command(name = "tenant", description = "Tenants: add, list, get, remove, reset (delete its meetings).")
final class TenantCommand {

    @ParentCommand
    GraphmeetCli cli;

    @Command(name = "add", description = "Create a tenant; prints it.")
    int add(
            @Option(names = "--id", description = "Tenant id (a GUID; default: a new one).") String id,
            @Option(names = "--display-name") String displayName) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("displayName", displayName);
        return cli.print(cli.admin("POST", "/tenants", body));
    }

    @Command(name = "list", description = "List tenants.")
    int list() {
        return cli.print(cli.admin("GET", "/tenants", null));
    }

    @Command(name = "get", description = "Show the tenant named by --tenant.")
    int get() {
        return cli.print(cli.tenantAdmin("GET", "", null));
    }

    @Command(name = "remove", description = "Delete the tenant named by --tenant, with its directory and meetings.")
    int remove() {
        return cli.print(cli.tenantAdmin("DELETE", "", null));
    }

    @Command(name = "reset", description = "Delete every meeting of the tenant named by --tenant; keep its directory.")
    int reset() {
        return cli.print(cli.tenantAdmin("POST", "/reset", null));
    }
}
