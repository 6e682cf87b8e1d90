package io.graphmeet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.graphmeet.demo.DemoDirectory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code token}: prints an access token from the built-in issuer's token endpoint, ready for
 * {@code Authorization: Bearer}. An application token by default (the demo app when no {@code --app} is
 * given); a delegated one with {@code --user}. Secrets and passwords are only ever stored hashed, so they must
 * be given, except the demo app's and demo user's well-known ones.
 */
@Command(
        name = "token",
        description = "Print an access token from the built-in issuer: --app (client "
                + "credentials) or --user (password grant). Without either: the demo app.")
final class TokenCommand implements java.util.concurrent.Callable<Integer> {

    private static final String GRAPH_DEFAULT = "https://graph.microsoft.com/.default";

    @ParentCommand
    GraphmeetCli cli;

    @Option(names = "--app", description = "Client id; with --user, the app the user signs in to.")
    String app;

    @Option(names = "--secret", description = "Client secret (not needed for the demo app).")
    String secret;

    @Option(names = "--user", description = "UPN of the user to sign in (password grant).")
    String user;

    @Option(names = "--password", description = "The user's password (not needed for the demo user).")
    String password;

    @Option(
            names = "--scopes",
            split = ",",
            description = "Delegated scopes (default OnlineMeetings.ReadWrite); ignored for app tokens.")
    List<String> scopes;

    @Override
    public Integer call() {
        String clientId = app != null ? app : DemoDirectory.APP_ID;
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", clientId);
        if (user == null) {
            form.put("grant_type", "client_credentials");
            form.put(
                    "client_secret",
                    known(
                            secret,
                            clientId.equalsIgnoreCase(DemoDirectory.APP_ID),
                            DemoDirectory.APP_SECRET,
                            "--secret"));
            form.put("scope", GRAPH_DEFAULT);
        } else {
            form.put("grant_type", "password");
            form.put("username", user);
            form.put(
                    "password",
                    known(
                            password,
                            user.equalsIgnoreCase(DemoDirectory.USER_UPN),
                            DemoDirectory.USER_PASSWORD,
                            "--password"));
            form.put("scope", String.join(" ", scopes == null ? List.of("OnlineMeetings.ReadWrite") : scopes));
            if (secret != null) {
                form.put("client_secret", secret);
            }
        }
        JsonNode answer = Http.token(
                cli.serverUrl(),
                cli.tenantId(),
                form.entrySet().stream()
                        .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                        .collect(Collectors.joining("&")));
        cli.out().println(answer.path("access_token").asText());
        return 0;
    }

    private static String known(String given, boolean demo, String demoValue, String option) {
        if (given != null) {
            return given;
        }
        if (demo) {
            return demoValue;
        }
        throw new CliException(option + " is required: graphmeet stores it hashed and cannot look it up");
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
