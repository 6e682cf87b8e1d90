package io.graphmeet.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * Application access policies in the words of Teams' cmdlets: {@code policy new} is
 * {@code New-CsApplicationAccessPolicy}, {@code set} is {@code Set-}, {@code get}/{@code list} are {@code Get-},
 * {@code remove} is {@code Remove-}, {@code grant} and {@code revoke} are {@code Grant-CsApplicationAccessPolicy}
 * with a policy name or {@code $null}.
 */
@Command(name = "policy", description = "Application access policies and their grants.")
final class PolicyCommand {

    @ParentCommand
    GraphmeetCli cli;

    /** Exactly one of a user and the whole tenant. */
    static final class Grantee {
        @Option(names = "--user", required = true, description = "User object id or UPN.")
        String user;

        @Option(names = "--global", required = true, description = "Every user without a grant of their own.")
        boolean global;

        String path() {
            return global ? "/grants/global" : "/grants/users/" + user;
        }
    }

    @Command(name = "new", description = "Create a policy listing app ids (New-CsApplicationAccessPolicy).")
    int create(
            @Option(names = "--identity", required = true, description = "Policy name.") String identity,
            @Option(names = "--app-ids", split = ",", required = true, description = "Client ids, comma-separated.")
                    List<String> appIds) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("identity", identity);
        body.put("appIds", appIds);
        return cli.print(cli.tenantAdmin("POST", "/policies", body));
    }

    @Command(name = "set", description = "Add or remove app ids, or replace them (Set-CsApplicationAccessPolicy).")
    int set(
            @Option(names = "--identity", required = true, description = "Policy name.") String identity,
            @Option(names = "--add", split = ",", description = "Client ids to add.") List<String> add,
            @Option(names = "--remove", split = ",", description = "Client ids to remove.") List<String> remove,
            @Option(names = "--app-ids", split = ",", description = "Client ids replacing the list.")
                    List<String> appIds) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (add != null) {
            body.put("add", add);
        }
        if (remove != null) {
            body.put("remove", remove);
        }
        if (appIds != null) {
            body.put("appIds", appIds);
        }
        return cli.print(cli.tenantAdmin("PATCH", "/policies/" + identity, body));
    }

    @Command(name = "get", description = "Show a policy (Get-CsApplicationAccessPolicy -Identity).")
    int get(@Option(names = "--identity", required = true, description = "Policy name.") String identity) {
        return cli.print(cli.tenantAdmin("GET", "/policies/" + identity, null));
    }

    @Command(name = "list", description = "List policies (Get-CsApplicationAccessPolicy).")
    int list() {
        return cli.print(cli.tenantAdmin("GET", "/policies", null));
    }

    @Command(name = "remove", description = "Delete a policy and its grants (Remove-CsApplicationAccessPolicy).")
    int remove(@Option(names = "--identity", required = true, description = "Policy name.") String identity) {
        return cli.print(cli.tenantAdmin("DELETE", "/policies/" + identity, null));
    }

    @Command(name = "grant", description = "Grant a policy to a user or tenant-wide (Grant-CsApplicationAccessPolicy).")
    int grant(
            @Option(names = "--policy", required = true, description = "Policy name.") String policy,
            @ArgGroup(multiplicity = "1") Grantee grantee) {
        return cli.print(cli.tenantAdmin("PUT", grantee.path(), Map.of("policy", policy)));
    }

    @Command(
            name = "revoke",
            description = "Take a user's or the tenant-wide grant away "
                    + "(Grant-CsApplicationAccessPolicy -PolicyName $null).")
    int revoke(@ArgGroup(multiplicity = "1") Grantee grantee) {
        return cli.print(cli.tenantAdmin("DELETE", grantee.path(), null));
    }

    @Command(name = "grants", description = "List the tenant-wide and per-user grants.")
    int grants() {
        return cli.print(cli.tenantAdmin("GET", "/grants", null));
    }
}
