package io.graphmeet.issuer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.graphmeet.demo.DemoDirectory;
import io.graphmeet.testing.Backend;
import io.graphmeet.testing.Contoso;
import io.graphmeet.testing.GraphResponse;
import io.graphmeet.testing.MutableClock;
import io.graphmeet.testing.TestServer;
import io.graphmeet.testing.TokenHttp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The built-in issuer on a real server in the development profile, on the backend the subclass names: its
 * grants, Entra's errors, discovery, and signing keys that rotate and survive restarts. Its tokens are checked
 * by calling the Graph API with them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TokenEndpointContract {

    static final String TENANT = DemoDirectory.TENANT_ID;
    static final String APP = DemoDirectory.APP_ID;

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-12T09:15:02Z"));
    TestServer server;

    abstract Backend backend();

    @BeforeAll
    void startServer(@TempDir Path scratch) {
        server = TestServer.on(backend(), scratch)
                .clock(clock)
                .bootstrap(Contoso.DIRECTORY)
                .start();
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    /** The token endpoint of the server as it runs now (a restart moves it to another port). */
    TokenHttp tokens() {
        return server.tokens();
    }

    static JWTClaimsSet claims(String token) throws ParseException {
        return SignedJWT.parse(token).getJWTClaimsSet();
    }

    static String kid(String token) throws ParseException {
        return SignedJWT.parse(token).getHeader().getKeyID();
    }

    String appToken() {
        return TokenHttp.accessToken(tokens().clientCredentials(TENANT, APP, DemoDirectory.APP_SECRET));
    }

    GraphResponse createOrGetForDemoUser(String token) {
        return server.http()
                .post(
                        "/v1.0/users/" + DemoDirectory.USER_ID + "/onlineMeetings/createOrGet",
                        token,
                        "{\"externalId\":\"issuer-" + UUID.randomUUID() + "\"}");
    }

    static void assertEntraError(GraphResponse response, int status, String error, int code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        JsonNode json = response.json();
        assertThat(json.path("error").asText()).isEqualTo(error);
        assertThat(json.path("error_description").asText())
                .startsWith("AADSTS" + code + ": ")
                .contains("Trace ID: " + json.path("trace_id").asText());
        assertThat(json.path("error_codes").toString()).isEqualTo("[" + code + "]");
        assertThat(json.path("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ");
        assertThat(json.path("correlation_id").asText())
                .isEqualTo(response.header("client-request-id"))
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    // --- the demo directory and client_credentials

    @Test
    void theDemoAppGetsAnApplicationTokenThatCreatesAMeetingForTheDemoUser() throws ParseException {
        GraphResponse response = tokens().clientCredentials(TENANT, APP, DemoDirectory.APP_SECRET);

        assertThat(response.status()).isEqualTo(200);
        JsonNode json = response.json();
        assertThat(json.path("token_type").asText()).isEqualTo("Bearer");
        assertThat(json.path("expires_in").asInt()).isEqualTo(3599);
        assertThat(json.path("ext_expires_in").asInt()).isEqualTo(3599);
        assertThat(json.has("scope")).isFalse();
        assertThat(response.header("Cache-Control")).contains("no-store");
        String token = json.path("access_token").asText();
        JWTClaimsSet claims = claims(token);
        assertThat(claims.getIssuer()).isEqualTo(server.baseUrl() + "/" + TENANT + "/v2.0");
        assertThat(claims.getAudience()).containsExactly("https://graph.microsoft.com");
        assertThat(claims.getStringClaim("tid")).isEqualTo(TENANT);
        assertThat(claims.getStringClaim("appid")).isEqualTo(APP);
        assertThat(claims.getStringClaim("azp")).isEqualTo(APP);
        assertThat(claims.getStringClaim("idtyp")).isEqualTo("app");
        assertThat(claims.getStringClaim("ver")).isEqualTo("2.0");
        assertThat(claims.getStringListClaim("roles")).containsExactly("OnlineMeetings.ReadWrite.All");
        assertThat(claims.getClaim("scp")).isNull();
        assertThat(claims.getIssueTime().toInstant()).isEqualTo(clock.instant());
        assertThat(Duration.between(
                        claims.getIssueTime().toInstant(),
                        claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofHours(1));
        assertThat(SignedJWT.parse(token).getHeader().getAlgorithm().getName()).isEqualTo("RS256");

        assertThat(createOrGetForDemoUser(token).status()).isEqualTo(201);
    }

    @Test
    void acceptsTheGraphAppIdAsResourceAndPutsItInTheAudience() throws ParseException {
        GraphResponse response = tokens().post(
                        TENANT,
                        "grant_type",
                        "client_credentials",
                        "client_id",
                        APP,
                        "client_secret",
                        DemoDirectory.APP_SECRET,
                        "scope",
                        "00000003-0000-0000-c000-000000000000/.default");
        String token = TokenHttp.accessToken(response);
        assertThat(claims(token).getAudience()).containsExactly("00000003-0000-0000-c000-000000000000");
        assertThat(createOrGetForDemoUser(token).status()).isEqualTo(201);
    }

    @Test
    void acceptsClientCredentialsInABasicAuthorizationHeader() {
        String basic = Base64.getEncoder()
                .encodeToString((APP + ":" + DemoDirectory.APP_SECRET).getBytes(StandardCharsets.UTF_8));
        GraphResponse response = server.http()
                .send(server.http()
                        .request("/" + TENANT + "/oauth2/v2.0/token", null)
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                "grant_type=client_credentials&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default")));
        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void anAppWithoutPermissionsGetsATokenWithoutRolesThatGraphRefuses() throws ParseException {
        var admin = server.admin();
        JsonNode app = admin.post("/admin/v1/tenants/" + TENANT + "/apps", "{\"permissions\":[]}")
                .json();
        String token = TokenHttp.accessToken(tokens().clientCredentials(
                        TENANT,
                        app.path("appId").asText(),
                        app.path("secretText").asText()));
        assertThat(claims(token).getClaim("roles")).isNull();
        GraphResponse call = createOrGetForDemoUser(token);
        assertThat(call.status()).isEqualTo(403);
        assertThat(call.errorMessage()).contains("OnlineMeetings.ReadWrite.All");
    }

    // --- password

    @Test
    void theDemoUserGetsADelegatedTokenWithTheScopesAsked() throws ParseException {
        GraphResponse response = tokens().password(
                        TENANT,
                        APP,
                        DemoDirectory.USER_UPN,
                        DemoDirectory.USER_PASSWORD,
                        "https://graph.microsoft.com/OnlineMeetings.ReadWrite User.Read offline_access");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("scope").asText())
                .isEqualTo("https://graph.microsoft.com/OnlineMeetings"
                        + ".ReadWrite https://graph.microsoft.com/User.Read offline_access");
        String token = response.json().path("access_token").asText();
        JWTClaimsSet claims = claims(token);
        assertThat(claims.getStringClaim("scp")).isEqualTo("OnlineMeetings.ReadWrite User.Read");
        assertThat(claims.getStringClaim("oid")).isEqualTo(DemoDirectory.USER_ID);
        assertThat(claims.getStringClaim("upn")).isEqualTo(DemoDirectory.USER_UPN);
        assertThat(claims.getStringClaim("idtyp")).isEqualTo("user");
        assertThat(claims.getStringClaim("azp")).isEqualTo(APP);
        assertThat(claims.getClaim("roles")).isNull();
        assertThat(server.http()
                        .post(
                                "/v1.0/me/onlineMeetings/createOrGet",
                                token,
                                "{\"externalId\":\"me-" + UUID.randomUUID() + "\"}")
                        .status())
                .isEqualTo(201);
    }

    @Test
    void theDefaultScopeGivesEveryDelegatedScopeUsersMayHave() throws ParseException {
        String token = TokenHttp.accessToken(tokens().password(
                        TENANT, APP, DemoDirectory.USER_UPN, DemoDirectory.USER_PASSWORD, TokenHttp.GRAPH_DEFAULT));
        assertThat(claims(token).getStringClaim("scp"))
                .isEqualTo("OnlineMeetings.ReadWrite OnlineMeetings.Read User.Read");
    }

    @Test
    void openIdAndClientInfoAddAnIdTokenAndMsalsClientInfo() throws ParseException {
        GraphResponse response = tokens().post(
                        TENANT,
                        "grant_type",
                        "password",
                        "client_id",
                        APP,
                        "username",
                        DemoDirectory.USER_UPN.toUpperCase(),
                        "password",
                        DemoDirectory.USER_PASSWORD,
                        "scope",
                        "User.Read openid profile",
                        "client_info",
                        "1");
        JsonNode json = response.json();
        JWTClaimsSet idToken = claims(json.path("id_token").asText());
        assertThat(idToken.getAudience()).containsExactly(APP);
        assertThat(idToken.getStringClaim("oid")).isEqualTo(DemoDirectory.USER_ID);
        String clientInfo = new String(
                Base64.getUrlDecoder().decode(json.path("client_info").asText()), StandardCharsets.UTF_8);
        assertThat(clientInfo).isEqualTo("{\"uid\":\"" + DemoDirectory.USER_ID + "\",\"utid\":\"" + TENANT + "\"}");
    }

    // --- Entra's errors

    @Test
    void aWrongSecretIsInvalidClient() {
        assertEntraError(tokens().clientCredentials(TENANT, APP, "wrong"), 401, "invalid_client", 7000215);
    }

    @Test
    void aMissingSecretIsInvalidClient() {
        assertEntraError(
                tokens().post(
                                TENANT,
                                "grant_type",
                                "client_credentials",
                                "client_id",
                                APP,
                                "scope",
                                TokenHttp.GRAPH_DEFAULT),
                401,
                "invalid_client",
                7000218);
    }

    @Test
    void anUnknownClientIsUnauthorizedClient() {
        assertEntraError(
                tokens().clientCredentials(TENANT, UUID.randomUUID().toString(), "x"),
                400,
                "unauthorized_client",
                700016);
    }

    @Test
    void aWrongPasswordIsInvalidGrant() {
        assertEntraError(
                tokens().password(TENANT, APP, DemoDirectory.USER_UPN, "wrong", "User.Read"),
                400,
                "invalid_grant",
                50126);
    }

    @Test
    void anUnknownUserIsInvalidGrant() {
        assertEntraError(
                tokens().password(TENANT, APP, "nobody@graphmeet.example", "x", "User.Read"),
                400,
                "invalid_grant",
                50034);
    }

    @Test
    void aUserWithoutPasswordCannotSignIn() {
        var admin = server.admin();
        admin.post("/admin/v1/tenants/" + TENANT + "/users", "{\"userPrincipalName\":\"nopw@graphmeet.example\"}");
        assertEntraError(
                tokens().password(TENANT, APP, "nopw@graphmeet.example", "", "User.Read"),
                400,
                "invalid_request",
                900144);
        assertEntraError(
                tokens().password(TENANT, APP, "nopw@graphmeet.example", "guess", "User.Read"),
                400,
                "invalid_grant",
                50126);
    }

    @Test
    void anUnsupportedGrantTypeIsRefused() {
        assertEntraError(
                tokens().post(TENANT, "grant_type", "authorization_code", "client_id", APP),
                400,
                "unsupported_grant_type",
                70003);
    }

    @Test
    void aScopeUsersMayNotHaveIsInvalidScope() {
        GraphResponse response =
                tokens().password(TENANT, APP, DemoDirectory.USER_UPN, DemoDirectory.USER_PASSWORD, "Mail.Read");
        assertEntraError(response, 400, "invalid_scope", 70011);
        assertThat(response.json().path("error_description").asText())
                .contains("https://graph.microsoft.com/Mail.Read");
    }

    @Test
    void clientCredentialsNeedTheDefaultScope() {
        assertEntraError(
                tokens().post(
                                TENANT,
                                "grant_type",
                                "client_credentials",
                                "client_id",
                                APP,
                                "client_secret",
                                DemoDirectory.APP_SECRET,
                                "scope",
                                "https://graph.microsoft.com/User.Read"),
                400,
                "invalid_scope",
                1002012);
    }

    @Test
    void anotherResourceIsInvalidResource() {
        assertEntraError(
                tokens().post(
                                TENANT,
                                "grant_type",
                                "client_credentials",
                                "client_id",
                                APP,
                                "client_secret",
                                DemoDirectory.APP_SECRET,
                                "scope",
                                "https://vault.azure.net/.default"),
                400,
                "invalid_resource",
                500011);
    }

    @Test
    void missingOrDuplicatedParametersAreInvalidRequest() {
        GraphResponse missing = tokens().post(TENANT, "client_id", APP);
        assertEntraError(missing, 400, "invalid_request", 900144);
        assertThat(missing.json().path("error_description").asText()).contains("'grant_type'");
        assertEntraError(
                tokens().postRaw(TENANT, "grant_type=password&grant_type=password"), 400, "invalid_request", 9000411);
    }

    @Test
    void anUnknownTenantIsInvalidTenant() {
        assertEntraError(
                tokens().clientCredentials(UUID.randomUUID().toString(), APP, DemoDirectory.APP_SECRET),
                400,
                "invalid_tenant",
                90002);
    }

    @Test
    void theTokenEndpointOnlyTakesPost() {
        GraphResponse response = server.http()
                .send(server.http()
                        .request("/" + TENANT + "/oauth2/v2.0/token", null)
                        .GET());
        assertEntraError(response, 400, "invalid_request", 900561);
    }

    @Test
    void echoesTheClientRequestIdAsCorrelationId() {
        GraphResponse response = server.http()
                .send(server.http()
                        .request("/" + TENANT + "/oauth2/v2.0/token", null)
                        .header("client-request-id", "my-correlation")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("grant_type=nope")));
        assertThat(response.json().path("correlation_id").asText()).isEqualTo("my-correlation");
        assertThat(response.header("client-request-id")).isEqualTo("my-correlation");
    }

    // --- discovery and keys

    @Test
    void discoveryNamesTheIssuerOfTheTokensAndKeysThatVerifyThem() throws ParseException {
        String token = appToken();
        JsonNode discovery = server.http()
                .send(server.http()
                        .request("/" + TENANT + "/v2.0/.well-known/openid-configuration", null)
                        .GET())
                .json();
        assertThat(discovery.path("issuer").asText()).isEqualTo(claims(token).getIssuer());
        assertThat(discovery.path("token_endpoint").asText())
                .isEqualTo(server.baseUrl() + "/" + TENANT + "/oauth2/v2.0/token");
        String jwksPath =
                discovery.path("jwks_uri").asText().substring(server.baseUrl().length());
        JsonNode keys =
                server.http().send(server.http().request(jwksPath, null).GET()).json();
        assertThat(keys.path("keys").findValuesAsText("kid")).contains(kid(token));
        assertThat(keys.toString()).doesNotContain("\"d\"");
    }

    @Test
    void discoveryOfAnUnknownTenantIsInvalidTenant() {
        GraphResponse response = server.http()
                .send(server.http()
                        .request("/" + UUID.randomUUID() + "/v2.0/.well-known/openid-configuration", null)
                        .GET());
        assertEntraError(response, 400, "invalid_tenant", 90002);
    }

    @Test
    void theUserRealmLookupSaysEveryAccountIsManaged() {
        JsonNode realm = server.http()
                .send(server.http()
                        .request("/common/userrealm/" + DemoDirectory.USER_UPN + "?api-version=1.0", null)
                        .GET())
                .json();
        assertThat(realm.path("account_type").asText()).isEqualTo("Managed");
    }

    @Test
    void afterRotationNewTokensUseTheNewKeyAndOldKeyTokensStillWorkUntilTheyExpire() throws ParseException {
        String before = appToken();
        String rotatedKid = server.admin()
                .post("/admin/v1/issuer/keys/rotate", null)
                .json()
                .path("kid")
                .asText();
        String after = appToken();

        assertThat(kid(after)).isEqualTo(rotatedKid).isNotEqualTo(kid(before));
        assertThat(jwksKids()).contains(kid(before), kid(after));
        assertThat(createOrGetForDemoUser(before).status()).isEqualTo(201);
        assertThat(createOrGetForDemoUser(after).status()).isEqualTo(201);

        clock.advance(Duration.ofHours(1).plusMinutes(2));
        assertThat(jwksKids()).doesNotContain(kid(before)).contains(kid(after));
        assertThat(createOrGetForDemoUser(appToken()).status()).isEqualTo(201);
    }

    @Test
    void signingKeysAndTheirTokensSurviveARestart() throws ParseException {
        String before = appToken();
        server.restart();
        String after = appToken();
        assertThat(kid(after)).isEqualTo(kid(before));
        assertThat(createOrGetForDemoUser(before).status()).isEqualTo(201);
    }

    private java.util.List<String> jwksKids() {
        return server.http()
                .send(server.http()
                        .request("/" + TENANT + "/discovery/v2.0/keys", null)
                        .GET())
                .json()
                .path("keys")
                .findValuesAsText("kid");
    }

    /** A NUL or an unpaired surrogate in any parameter or the tenant is Entra's invalid_request on every backend. */
    @ParameterizedTest
    @ValueSource(strings = {"client_id", "client_secret", "username", "password", "scope", "grant_type"})
    void aNulInAnyParameterIsAnInvalidRequest(String parameter) {
        String[] form = {
            "grant_type",
            "password",
            "client_id",
            APP,
            "client_secret",
            DemoDirectory.APP_SECRET,
            "username",
            DemoDirectory.USER_UPN,
            "password",
            DemoDirectory.USER_PASSWORD,
            "scope",
            "https://graph.microsoft.com/OnlineMeetings.ReadWrite"
        };
        for (int i = 0; i < form.length; i += 2) {
            if (form[i].equals(parameter)) {
                form[i + 1] = form[i + 1] + "\u0000";
            }
        }

        GraphResponse response = tokens().post(TENANT, form);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().path("error").asText()).isEqualTo("invalid_request");
        assertThat(response.json().path("error_description").asText()).contains(parameter);
    }

    @Test
    void aNulInTheTenantIsAnInvalidRequest() {
        GraphResponse token = tokens().postRaw("a%00b", "grant_type=client_credentials");
        GraphResponse discovery = server.http()
                .send(server.http()
                        .request("/a%00b/v2.0/.well-known/openid-configuration", null)
                        .GET());

        for (GraphResponse response : List.of(token, discovery)) {
            assertThat(response.status()).as(response.toString()).isEqualTo(400);
            assertThat(response.json().path("error").asText()).isEqualTo("invalid_request");
        }
    }
}
