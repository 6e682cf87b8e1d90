package io.graphmeet.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code key list|rotate}: the built-in issuer's signing keys. */
@Command(name = "key", description = "The built-in issuer's signing keys: list, rotate.")
final class KeyCommand {

    @ParentCommand
    GraphmeetCli cli;

    @Command(name = "list", description = "List signing keys, newest first.")
    int list() {
        return cli.print(cli.admin("GET", "/issuer/keys", null));
    }

    @Command(
            name = "rotate",
            description = "Sign with a new key from now on; older keys verify until their tokens expire.")
    int rotate() {
        return cli.print(cli.admin("POST", "/issuer/keys/rotate", null));
    }
}
