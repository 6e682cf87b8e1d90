package io.graphmeet.bench;

import io.graphmeet.testing.Contoso;
import io.graphmeet.testing.TestIssuer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Writes what a benchmark run needs into a folder: a JWKS file and the matching issuer setting, the directory
 * seed, and a signed application token valid for an hour. Arg: folder.
 */
public final class BenchFixtures {

    private BenchFixtures() {}

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        Files.createDirectories(folder);
        TestIssuer issuer = new TestIssuer(folder, Clock.systemUTC());
        Files.writeString(folder.resolve("issuers.yaml"), issuer.issuersSetting());
        Files.writeString(folder.resolve("directory.yaml"), Contoso.DIRECTORY);
        Files.writeString(
                folder.resolve("token"), issuer.application(Contoso.TENANT, Contoso.BOT_APP, Contoso.WRITE_ALL));
        Files.writeString(folder.resolve("path"), "/v1.0/users/" + Contoso.MEGAN + "/onlineMeetings/createOrGet");
    }
}
