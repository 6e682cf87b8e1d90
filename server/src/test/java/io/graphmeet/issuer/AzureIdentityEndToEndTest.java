package io.graphmeet.issuer;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.netty.NettyAsyncHttpClientBuilder;
import com.azure.core.util.Context;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.identity.UsernamePasswordCredentialBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.graph.core.authentication.AzureIdentityAuthenticationProvider;
import com.microsoft.graph.models.OnlineMeeting;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.onlinemeetings.createorget.CreateOrGetPostRequestBody;
import com.nimbusds.jwt.SignedJWT;
import io.graphmeet.demo.DemoDirectory;
import io.graphmeet.meetings.MeetingIds;
import io.graphmeet.testing.Backend;
import io.graphmeet.testing.SelfSignedCertificate;
import io.graphmeet.testing.TestServer;
import io.graphmeet.testing.TokenHttp;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.nio.file.Path;
import java.util.UUID;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real client libraries against a running server: azure-identity gets tokens from the built-in issuer
 * (over HTTPS, which it insists on, trusting a certificate made for the test), and the Microsoft Graph SDK
 * calls createOrGet with them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AzureIdentityEndToEndTest {

    private static final String GRAPH_DEFAULT = "https://graph.microsoft.com/.default";

    private TestServer server;
    private HttpClient trustingClient;

    @BeforeAll
    void start(@TempDir Path scratch) throws SSLException {
        SelfSignedCertificate certificate = SelfSignedCertificate.create(scratch);
        server = TestServer.on(Backend.EMBEDDED, scratch)
                .setting("GRAPHMEET_TLS_KEYSTORE", certificate.keystore().toString())
                .setting("GRAPHMEET_TLS_KEYSTORE_PASSWORD", certificate.password())
                .setting("GRAPHMEET_TLS_PORT", "0")
                .start();
        SslContext trustOnlyTheTestCertificate = SslContextBuilder.forClient()
                .trustManager(certificate.certificate())
                .build();
        trustingClient = new NettyAsyncHttpClientBuilder(reactor.netty.http.client.HttpClient.create()
                        .secure(ssl -> ssl.sslContext(trustOnlyTheTestCertificate)))
                .build();
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void clientSecretCredentialGetsAnApplicationTokenThatCreatesAMeetingThroughTheGraphSdk() throws Exception {
        TokenCredential credential = new ClientSecretCredentialBuilder()
                .authorityHost(server.httpsUrl())
                .tenantId(DemoDirectory.TENANT_ID)
                .clientId(DemoDirectory.APP_ID)
                .clientSecret(DemoDirectory.APP_SECRET)
                .disableInstanceDiscovery()
                .httpClient(trustingClient)
                .build();

        AccessToken token = credential.getTokenSync(new TokenRequestContext().addScopes(GRAPH_DEFAULT));
        var claims = SignedJWT.parse(token.getToken()).getJWTClaimsSet();
        assertThat(claims.getStringListClaim("roles")).containsExactly(DemoDirectory.APP_PERMISSION);
        assertThat(claims.getStringClaim("idtyp")).isEqualTo("app");
        assertThat(claims.getIssuer()).isEqualTo(server.httpsUrl() + "/" + DemoDirectory.TENANT_ID + "/v2.0");

        OnlineMeeting meeting = graph(credential, GRAPH_DEFAULT)
                .users()
                .byUserId(DemoDirectory.USER_ID)
                .onlineMeetings()
                .createOrGet()
                .post(createOrGet("sdk-app-" + UUID.randomUUID()));

        assertThat(MeetingIds.organizerOf(meeting.getId())).isEqualTo(DemoDirectory.USER_ID);
        assertThat(meeting.getParticipants()
                        .getOrganizer()
                        .getIdentity()
                        .getUser()
                        .getId())
                .isEqualTo(DemoDirectory.USER_ID);
    }

    @Test
    void usernamePasswordCredentialGetsADelegatedTokenThatCreatesAMeetingForMe() throws Exception {
        TokenCredential credential = new UsernamePasswordCredentialBuilder()
                .authorityHost(server.httpsUrl())
                .tenantId(DemoDirectory.TENANT_ID)
                .clientId(DemoDirectory.APP_ID)
                .username(DemoDirectory.USER_UPN)
                .password(DemoDirectory.USER_PASSWORD)
                .disableInstanceDiscovery()
                .httpClient(trustingClient)
                .build();
        String scope = "https://graph.microsoft.com/OnlineMeetings.ReadWrite";

        AccessToken token = credential.getTokenSync(new TokenRequestContext().addScopes(scope));
        var claims = SignedJWT.parse(token.getToken()).getJWTClaimsSet();
        assertThat(claims.getStringClaim("scp")).isEqualTo("OnlineMeetings.ReadWrite");
        assertThat(claims.getStringClaim("oid")).isEqualTo(DemoDirectory.USER_ID);

        OnlineMeeting meeting = graph(credential, scope)
                .me()
                .onlineMeetings()
                .createOrGet()
                .post(createOrGet("sdk-me-" + UUID.randomUUID()));

        assertThat(meeting.getParticipants()
                        .getOrganizer()
                        .getIdentity()
                        .getUser()
                        .getId())
                .isEqualTo(DemoDirectory.USER_ID);
        assertThat(meeting.getParticipants().getOrganizer().getUpn()).isEqualTo(DemoDirectory.USER_UPN);
    }

    /**
     * With TLS on and no public URL configured, each listener's discovery describes that listener: MSAL (for
     * JavaScript, see {@code clients/js}) refuses an authority whose discovery names http endpoints.
     */
    @Test
    void discoveryDescribesTheListenerTheRequestCameInOn() throws Exception {
        String path = "/" + DemoDirectory.TENANT_ID + "/v2.0/.well-known/openid-configuration";

        JsonNode overTls;
        try (HttpResponse response =
                trustingClient.sendSync(new HttpRequest(HttpMethod.GET, server.httpsUrl() + path), Context.NONE)) {
            assertThat(response.getStatusCode()).isEqualTo(200);
            overTls = new ObjectMapper().readTree(response.getBodyAsBinaryData().toBytes());
        }
        JsonNode overHttp =
                server.http().send(server.http().request(path, null).GET()).json();

        String tenantOverTls = server.httpsUrl() + "/" + DemoDirectory.TENANT_ID;
        assertThat(overTls.path("issuer").asText()).isEqualTo(tenantOverTls + "/v2.0");
        assertThat(overTls.path("token_endpoint").asText()).isEqualTo(tenantOverTls + "/oauth2/v2.0/token");
        assertThat(overTls.path("jwks_uri").asText()).isEqualTo(tenantOverTls + "/discovery/v2.0/keys");
        String tenantOverHttp = server.baseUrl() + "/" + DemoDirectory.TENANT_ID;
        assertThat(overHttp.path("issuer").asText()).isEqualTo(tenantOverHttp + "/v2.0");
        assertThat(overHttp.path("token_endpoint").asText()).isEqualTo(tenantOverHttp + "/oauth2/v2.0/token");
    }

    /** A token from either listener is accepted on either listener. */
    @Test
    void tokensFromTheHttpListenerStillCarryItsIssuerAndWork() throws Exception {
        String token = TokenHttp.accessToken(server.tokens()
                .clientCredentials(DemoDirectory.TENANT_ID, DemoDirectory.APP_ID, DemoDirectory.APP_SECRET));

        var created = server.http()
                .post(
                        "/v1.0/users/" + DemoDirectory.USER_ID + "/onlineMeetings/createOrGet",
                        token,
                        "{\"externalId\":\"http-token-" + UUID.randomUUID() + "\"}");

        assertThat(SignedJWT.parse(token).getJWTClaimsSet().getIssuer())
                .isEqualTo(server.baseUrl() + "/" + DemoDirectory.TENANT_ID + "/v2.0");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    /**
     * The SDK only sends tokens to Graph's own hosts unless told which hosts to trust: here, the test server's.
     */
    private GraphServiceClient graph(TokenCredential credential, String scope) {
        GraphServiceClient graph = new GraphServiceClient(
                new AzureIdentityAuthenticationProvider(credential, new String[] {"127.0.0.1"}, scope));
        graph.getRequestAdapter().setBaseUrl(server.baseUrl() + "/v1.0");
        return graph;
    }

    private static CreateOrGetPostRequestBody createOrGet(String externalId) {
        CreateOrGetPostRequestBody body = new CreateOrGetPostRequestBody();
        body.setExternalId(externalId);
        body.setSubject("through azure-identity and the Graph SDK");
        return body;
    }
}
