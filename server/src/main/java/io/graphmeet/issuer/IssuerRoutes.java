package io.graphmeet.issuer;

import static io.helidon.http.Method.GET;
import static io.helidon.http.Method.POST;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.graphmeet.http.Edge;
import io.graphmeet.http.Guard;
import io.graphmeet.http.Reply;
import io.graphmeet.http.RequestBody;
import io.graphmeet.http.RouteTable;
import io.graphmeet.http.Surface;
import io.graphmeet.http.Text;
import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import java.time.Clock;
import java.util.List;

/**
 * The built-in issuer's HTTP surface, at Entra's paths: OpenID discovery, JWKS, the token endpoint, and the
 * user-realm lookup MSAL makes before a password grant. Every route is public; errors are Entra's OAuth JSON, not
 * Graph's envelope.
 */
public final class IssuerRoutes {

    private static final String TOKEN_PATH = "/{tenant}/oauth2/v2.0/token";
    private static final Header NO_STORE = HeaderValues.createCached(HeaderNames.CACHE_CONTROL, "no-store, no-cache");

    private final TokenIssuer issuer;
    private final SigningKeys keys;
    private final IssuerSettings settings;
    private final RequestBody body;

    private IssuerRoutes(TokenIssuer issuer, SigningKeys keys, IssuerSettings settings, RequestBody body) {
        this.issuer = issuer;
        this.keys = keys;
        this.settings = settings;
        this.body = body;
    }

    /** Adds the issuer's routes to {@code routing}; register them before any catch-all route. */
    public static void register(
            HttpRouting.Builder routing,
            TokenIssuer issuer,
            SigningKeys keys,
            IssuerSettings settings,
            int maxBodyBytes,
            Clock clock) {
        IssuerRoutes routes = new IssuerRoutes(issuer, keys, settings, new RequestBody(maxBodyBytes));
        Surface entra = new Surface(
                "issuer",
                HeaderNames.create("x-ms-request-id"),
                HeaderValues.create(HeaderNames.CONTENT_TYPE, "application/json; charset=utf-8"),
                List.of(),
                new OAuthErrors(clock));
        Edge<ServerRequest> edge = new Edge<>(entra, (request, ids) -> request);
        Guard<ServerRequest> open = Guard.open();
        routing.post(TOKEN_PATH, (request, response) -> {
            response.header(NO_STORE); // tokens, and the errors refusing them, are never cached
            response.next();
        });
        new RouteTable<>(routing, edge, open, routes::notPost)
                .route("/{tenant}/v2.0/.well-known/openid-configuration", RouteTable.on(GET, open, routes::discovery))
                .route("/{tenant}/discovery/v2.0/keys", RouteTable.on(GET, open, routes::keys))
                .path(TOKEN_PATH, RouteTable.on(POST, open, routes::token))
                .route("/common/userrealm/{username}", RouteTable.on(GET, open, routes::userRealm));
    }

    private Reply discovery(ServerRequest request) {
        return Reply.of(200, Discovery.of(baseUrl(request), issuer.knownTenant(tenant(request))));
    }

    private Reply keys(ServerRequest request) {
        issuer.knownTenant(tenant(request));
        keys.signingKey();
        return Reply.of(200, keys.publicKeys().toJSONObject(true));
    }

    private Reply token(ServerRequest request) {
        return Reply.of(
                200,
                issuer.issue(
                        baseUrl(request),
                        tenant(request),
                        TokenRequest.of(
                                body.form(request),
                                request.headers()
                                        .first(HeaderNames.AUTHORIZATION)
                                        .orElse(null))));
    }

    private Reply notPost(ServerRequest request) {
        throw EntraError.POST_ONLY.with(request.prologue().method().text());
    }

    /** Every user is a cloud-only (managed) account, so MSAL goes on with the password grant. */
    private Reply userRealm(ServerRequest request) {
        String username = request.path().pathParameters().get("username");
        String domain = username.contains("@") ? username.substring(username.indexOf('@') + 1) : "";
        return Reply.of(
                200, new UserRealm("1.0", "Managed", domain, "microsoftonline.com", "urn:federation:MicrosoftOnline"));
    }

    /** Discovery and tokens describe the listener the request came in on (see {@link IssuerSettings}). */
    private String baseUrl(ServerRequest request) {
        return settings.baseUrl(request.isSecure());
    }

    private static String tenant(ServerRequest request) {
        String tenant = request.path().pathParameters().get("tenant");
        if (!Text.isAcceptable(tenant)) {
            throw EntraError.TEXT_REFUSED.with("tenant");
        }
        return tenant;
    }

    /** MSAL's user-realm discovery answer. */
    private record UserRealm(
            @JsonProperty("ver") String ver,
            @JsonProperty("account_type") String accountType,
            @JsonProperty("domain_name") String domainName,
            @JsonProperty("cloud_instance_name") String cloudInstanceName,
            @JsonProperty("cloud_audience_urn") String cloudAudienceUrn) {}
}
