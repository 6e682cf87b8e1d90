package io.graphmeet.entra;

import static io.graphmeet.testing.Contoso.ADELE;
import static io.graphmeet.testing.Contoso.MEGAN;
import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.graph.core.authentication.AzureIdentityAuthenticationProvider;
import com.microsoft.graph.models.OnlineMeeting;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.onlinemeetings.createorget.CreateOrGetPostRequestBody;
import io.graphmeet.Graphmeet;
import io.graphmeet.config.ConfigLoader;
import io.graphmeet.meetings.RandomMeetingIdentifiers;
import io.graphmeet.testing.GraphHttp;
import io.graphmeet.testing.GraphResponse;
import io.graphmeet.testing.JsClientHarness;
import io.graphmeet.testing.RepositoryFiles;
import io.graphmeet.testing.SelfSignedCertificate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

/**
 * docs/entra.md followed end to end: graphmeet starts from the guide's own {@code graphmeet.yaml} and
 * {@code directory.yaml} (only the {@code jwksUri}s point at a local keys endpoint instead of
 * login.microsoftonline.com), and takes createOrGet calls with tokens of Entra's shapes for graphmeet's own
 * registration (plain HTTP, the Graph SDK for Java and the Graph JavaScript client as step 4 sets them up), while
 * tokens for Microsoft Graph are refused with a message that says why.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EntraGuideTest {

    private static final Path GUIDE = RepositoryFiles.path("docs", "entra.md");
    private static final String TENANT = "5f1c6d2e-8a4b-4c3d-9e0f-1a2b3c4d5e6f";
    private static final String BOT = "3e5f7a9b-2c4d-4e6f-8a0b-1c2d3e4f5a6b";
    private static final String UNLISTED_APP = "4f6a8b0c-3d5e-4f7a-9b1c-2d3e4f5a6b7c";
    private static final String READ_WRITE_ALL = "OnlineMeetings.ReadWrite.All";
    private static final String READ_WRITE = "OnlineMeetings.ReadWrite";
    private static final String SCOPE_IN_GUIDE = "api://graphmeet.contoso.com/.default";

    private final EntraSigningKey key = EntraSigningKey.generate();
    private final EntraTokens entra = new EntraTokens(key, Clock.systemUTC());
    private EntraKeysServer keysEndpoint;
    private SelfSignedCertificate certificate;
    private Graphmeet graphmeet;
    private GraphHttp http;

    @BeforeAll
    void startAsTheGuideSays(@TempDir Path scratch) throws IOException {
        keysEndpoint = new EntraKeysServer();
        keysEndpoint.publish(key);
        String guide = Files.readString(GUIDE);
        String config = yamlBlock(guide, "# graphmeet.yaml")
                .replace("jwksUri: https://login.microsoftonline.com/", "jwksUri: " + keysEndpoint.authority() + "/");
        assertThat(config).contains("jwksUri: " + keysEndpoint.authority()).doesNotContain("jwksUri: https://");
        Path configFile = Files.writeString(scratch.resolve("graphmeet.yaml"), config);
        Path directoryFile = Files.writeString(scratch.resolve("directory.yaml"), yamlBlock(guide, "# directory.yaml"));
        certificate = SelfSignedCertificate.create(scratch);
        Map<String, String> environment = Map.of(
                "GRAPHMEET_SERVER_HOST",
                "127.0.0.1",
                "GRAPHMEET_SERVER_PORT",
                "0",
                "GRAPHMEET_MANAGEMENT_PORT",
                "0",
                "GRAPHMEET_STORAGE_DATA_DIR",
                scratch.resolve("data").toString(),
                "GRAPHMEET_DIRECTORY_BOOTSTRAP_FILE",
                directoryFile.toString(),
                "GRAPHMEET_TLS_KEYSTORE",
                certificate.keystore().toString(),
                "GRAPHMEET_TLS_KEYSTORE_PASSWORD",
                certificate.password(),
                "GRAPHMEET_TLS_PORT",
                "0");
        graphmeet = Graphmeet.start(
                ConfigLoader.load(configFile, environment),
                Clock.systemUTC(),
                new RandomMeetingIdentifiers(Clock.systemUTC()));
        http = new GraphHttp(graphmeet.baseUrl());
    }

    @AfterAll
    void stop() {
        if (graphmeet != null) {
            graphmeet.close();
        }
        keysEndpoint.close();
    }

    @Test
    void aV2ApplicationTokenCreatesAMeetingAndThenFindsIt() {
        String token = entra.v2Application(TENANT, BOT, READ_WRITE_ALL);
        String externalId = "v2-app-" + UUID.randomUUID();

        GraphResponse created = createOrGet("/users/" + MEGAN, token, externalId);
        GraphResponse again = createOrGet("/users/" + MEGAN, token, externalId);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("id").asText())
                .isEqualTo(created.json().path("id").asText());
        assertThat(organizerOf(created)).isEqualTo(MEGAN);
        assertThat(organizerTenantOf(created)).isEqualTo(TENANT);
    }

    @Test
    void aV2DelegatedTokenCreatesTheSignedInUsersMeeting() {
        GraphResponse created =
                createOrGet("/me", entra.v2Delegated(TENANT, ADELE, BOT, READ_WRITE), "v2-me-" + UUID.randomUUID());

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(organizerOf(created)).isEqualTo(ADELE);
    }

    @Test
    void aV1ApplicationTokenForTheApplicationIdUriIsAccepted() {
        GraphResponse created = createOrGet(
                "/users/" + MEGAN, entra.v1Application(TENANT, BOT, READ_WRITE_ALL), "v1-app-" + UUID.randomUUID());

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(organizerOf(created)).isEqualTo(MEGAN);
    }

    @Test
    void aV1DelegatedTokenIsAccepted() {
        GraphResponse created =
                createOrGet("/me", entra.v1Delegated(TENANT, MEGAN, BOT, READ_WRITE), "v1-me-" + UUID.randomUUID());

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(organizerOf(created)).isEqualTo(MEGAN);
    }

    @Test
    void permissionsNamedAsGraphsAreCheckedAsOnGraph() {
        GraphResponse readOnly = createOrGet(
                "/me", entra.v2Delegated(TENANT, MEGAN, BOT, "OnlineMeetings.Read"), "read-only-" + UUID.randomUUID());
        GraphResponse noPolicy = createOrGet(
                "/users/" + MEGAN,
                entra.v2Application(TENANT, UNLISTED_APP, READ_WRITE_ALL),
                "no-policy-" + UUID.randomUUID());

        assertThat(readOnly.status()).as(readOnly.toString()).isEqualTo(403);
        assertThat(noPolicy.status()).as(noPolicy.toString()).isEqualTo(403);
        assertThat(noPolicy.errorMessage()).isEqualTo("No application access policy found for this app");
    }

    @Test
    void aTokenIssuedForMicrosoftGraphIsRefusedWithAMessageSayingWhyAndWhatToAskFor() {
        for (String graphAudience : List.of("https://graph.microsoft.com", "00000003-0000-0000-c000-000000000000")) {
            String token = entra.forMicrosoftGraph(graphAudience, TENANT, BOT, READ_WRITE_ALL);

            GraphResponse refused = createOrGet("/users/" + MEGAN, token, "graph-token-" + UUID.randomUUID());

            assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
            assertThat(refused.header("WWW-Authenticate")).startsWith("Bearer");
            assertThat(refused.errorCode()).isEqualTo("InvalidAuthenticationToken");
            assertThat(refused.errorMessage())
                    .contains("issued for Microsoft Graph (aud '" + graphAudience + "')")
                    .contains("can only be verified by Microsoft Graph, not outside Graph")
                    .contains("request the scope '" + SCOPE_IN_GUIDE + "'")
                    .contains("docs/entra.md");
        }
    }

    @Test
    void theGraphSdkForJavaSetUpAsInTheGuideAsksForGraphmeetsScopeAndCreatesAMeeting() throws IOException {
        assertThat(Files.readString(GUIDE))
                .contains("new String[] {\"meet.contoso.com\"}, \"" + SCOPE_IN_GUIDE + "\"));")
                .contains("graph.getRequestAdapter().setBaseUrl(\"https://meet.contoso.com/v1.0\");");
        List<String> scopesAsked = new CopyOnWriteArrayList<>();
        TokenCredential entraCredential = request -> {
            scopesAsked.addAll(request.getScopes());
            return Mono.just(new AccessToken(
                    entra.v2Application(TENANT, BOT, READ_WRITE_ALL),
                    OffsetDateTime.now().plusMinutes(79)));
        };
        GraphServiceClient graph = new GraphServiceClient(
                new AzureIdentityAuthenticationProvider(entraCredential, new String[] {"127.0.0.1"}, SCOPE_IN_GUIDE));
        graph.getRequestAdapter().setBaseUrl(graphmeet.baseUrl() + "/v1.0");
        CreateOrGetPostRequestBody body = new CreateOrGetPostRequestBody();
        body.setExternalId("sdk-" + UUID.randomUUID());
        body.setSubject("Created through graphmeet's own Entra registration");

        OnlineMeeting meeting =
                graph.users().byUserId(MEGAN).onlineMeetings().createOrGet().post(body);

        assertThat(scopesAsked).containsOnly(SCOPE_IN_GUIDE);
        assertThat(meeting.getId()).isNotBlank();
        assertThat(meeting.getParticipants()
                        .getOrganizer()
                        .getIdentity()
                        .getUser()
                        .getId())
                .isEqualTo(MEGAN);
    }

    @Test
    void theJavaScriptClientSetUpAsInTheGuideAsksForGraphmeetsScopeAndCreatesAMeeting(@TempDir Path scratch)
            throws Exception {
        assertThat(Files.readString(GUIDE))
                .contains("new TokenCredentialAuthenticationProvider(credential, {\n    scopes: ['" + SCOPE_IN_GUIDE
                        + "'],")
                .contains("baseUrl: 'https://meet.contoso.com/',")
                .contains("customHosts: new Set(['meet.contoso.com']),");
        Path trusted = Files.writeString(
                scratch.resolve("graphmeet-test-ca.pem"),
                "-----BEGIN CERTIFICATE-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                                .encodeToString(certificate.certificate().getEncoded())
                        + "\n-----END CERTIFICATE-----\n");

        JsClientHarness.Result result = JsClientHarness.runScript(
                RepositoryFiles.path("clients", "js"),
                "entra-guide.js",
                Map.of(
                        "GRAPHMEET_HTTPS_URL", graphmeet.httpsUrl().orElseThrow(),
                        "GRAPHMEET_TOKEN", entra.v2Application(TENANT, BOT, READ_WRITE_ALL),
                        "GRAPHMEET_USER_ID", MEGAN,
                        "NODE_EXTRA_CA_CERTS", trusted.toString()));

        assertThat(result.exitCode()).as(result.output()).isZero();
        String lastLine = result.output()
                .strip()
                .lines()
                .reduce((first, second) -> second)
                .orElseThrow();
        JsonNode printed = new ObjectMapper().readTree(lastLine);
        assertThat(printed.path("scopesAsked")).extracting(JsonNode::asText).containsOnly(SCOPE_IN_GUIDE);
        assertThat(printed.path("id").asText()).isNotBlank();
        assertThat(printed.path("organizer").asText()).isEqualTo(MEGAN);
    }

    private GraphResponse createOrGet(String owner, String token, String externalId) {
        return http.post(
                "/v1.0" + owner + "/onlineMeetings/createOrGet",
                token,
                "{\"externalId\":\"" + externalId + "\",\"subject\":\"Entra in production\"}");
    }

    private static String organizerOf(GraphResponse response) {
        return response.json()
                .path("participants")
                .path("organizer")
                .path("identity")
                .path("user")
                .path("id")
                .asText();
    }

    private static String organizerTenantOf(GraphResponse response) {
        return response.json()
                .path("participants")
                .path("organizer")
                .path("identity")
                .path("user")
                .path("tenantId")
                .asText();
    }

    /** The fenced YAML block of the guide whose first line is {@code firstLine}, without that line's fence. */
    private static String yamlBlock(String guide, String firstLine) {
        String fence = "```yaml\n" + firstLine + "\n";
        int start = guide.indexOf(fence);
        assertThat(start)
                .as("docs/entra.md has a yaml block starting with " + firstLine)
                .isNotNegative();
        int end = guide.indexOf("\n```", start + fence.length());
        return guide.substring(start + "```yaml\n".length(), end + 1);
    }
}
