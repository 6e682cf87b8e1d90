package io.graphmeet.issuer;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.graphmeet.api.json.GraphJson;
import io.graphmeet.http.RequestIds;
import io.graphmeet.meetings.StoreUnavailableException;
import io.graphmeet.meetings.Text;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.ServerConnectionException;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The built-in issuer's HTTP surface, at Entra's paths: OpenID discovery, JWKS, the token endpoint, and the
 * user-realm lookup MSAL makes before a password grant. Errors are Entra's OAuth JSON, not Graph's envelope.
 */
public final class IssuerRoutes {

    private static final Logger LOG = Logger.getLogger(IssuerRoutes.class.getName());
    private static final HeaderName CLIENT_REQUEST_ID = HeaderNames.create("client-request-id");
    private static final HeaderName MS_REQUEST_ID = HeaderNames.create("x-ms-request-id");
    private static final String JSON = "application/json; charset=utf-8";
    private static final String TOKEN_PATH = "/{tenant}/oauth2/v2.0/token";

    private final TokenIssuer issuer;
    private final SigningKeys keys;
    private final IssuerSettings settings;
    private final int maxBodyBytes;
    private final Clock clock;

    private IssuerRoutes(TokenIssuer issuer, SigningKeys keys, IssuerSettings settings, int maxBodyBytes,
            Clock clock) {
        this.issuer = issuer;
        this.keys = keys;
        this.settings = settings;
        this.maxBodyBytes = maxBodyBytes;
        this.clock = clock;
    }

    /** Adds the issuer's routes to {@code routing}; register them before any catch-all route. */
    public static void register(HttpRouting.Builder routing, TokenIssuer issuer, SigningKeys keys,
            IssuerSettings settings, int maxBodyBytes, Clock clock) {
        IssuerRoutes routes = new IssuerRoutes(issuer, keys, settings, maxBodyBytes, clock);
        routing.get("/{tenant}/v2.0/.well-known/openid-configuration", routes::discovery)
                .get("/{tenant}/discovery/v2.0/keys", routes::keys)
                .post(TOKEN_PATH, routes::token)
                .any(TOKEN_PATH, routes::notPost)
                .get("/common/userrealm/{username}", routes::userRealm);
    }

    private void discovery(ServerRequest request, ServerResponse response) {
        answer(request, response, () -> Discovery.of(baseUrl(request), issuer.knownTenant(tenant(request))));
    }

    private void keys(ServerRequest request, ServerResponse response) {
        answer(request, response, () -> {
            issuer.knownTenant(tenant(request));
            keys.signingKey();
            return keys.publicKeys().toJSONObject(true);
        });
    }

    private void token(ServerRequest request, ServerResponse response) {
        response.header(HeaderNames.CACHE_CONTROL, "no-store, no-cache");
        answer(request, response, () -> issuer.issue(baseUrl(request), tenant(request),
                TokenRequest.of(form(request), request.headers().first(HeaderNames.AUTHORIZATION).orElse(null))));
    }

    private void notPost(ServerRequest request, ServerResponse response) {
        answer(request, response, () -> {
            throw EntraError.POST_ONLY.with(request.prologue().method().text());
        });
    }

    /** Every user is a cloud-only (managed) account, so MSAL goes on with the password grant. */
    private void userRealm(ServerRequest request, ServerResponse response) {
        String username = request.path().pathParameters().get("username");
        String domain = username.contains("@") ? username.substring(username.indexOf('@') + 1) : "";
        answer(request, response, () -> new UserRealm("1.0", "Managed", domain, "microsoftonline.com",
                "urn:federation:MicrosoftOnline"));
    }

    private void answer(ServerRequest request, ServerResponse response, Supplier<Object> body) {
        String correlationId = RequestIds.forRequest(request.headers().first(CLIENT_REQUEST_ID).orElse(null))
                .clientRequestId();
        String traceId = UUID.randomUUID().toString();
        response.header(MS_REQUEST_ID, traceId);
        response.header(CLIENT_REQUEST_ID, correlationId);
        response.header(HeaderNames.CONTENT_TYPE, JSON);
        Object result;
        try {
            result = body.get();
            response.status(Status.OK_200);
        } catch (OAuthException e) {
            result = failure(e, traceId, correlationId);
            response.status(Status.create(e.error().status()));
        } catch (StoreUnavailableException e) {
            LOG.log(Level.SEVERE, "store unavailable, trace id " + traceId, e);
            result = failure(EntraError.TEMPORARILY_UNAVAILABLE.with(), traceId, correlationId);
            response.status(Status.SERVICE_UNAVAILABLE_503);
        } catch (ServerConnectionException e) {
            throw e; // the client is gone (or was cut off for sending too slowly): nothing to answer
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "unexpected issuer failure, trace id " + traceId, e);
            result = failure(EntraError.SERVER_ERROR.with(), traceId, correlationId);
            response.status(Status.INTERNAL_SERVER_ERROR_500);
        }
        response.send(GraphJson.write(result));
    }

    private OAuthErrorBody failure(OAuthException e, String traceId, String correlationId) {
        return OAuthErrorBody.of(e, traceId, correlationId, clock.instant());
    }

    private String form(ServerRequest request) {
        String contentType = request.headers().first(HeaderNames.CONTENT_TYPE).orElse("").toLowerCase(Locale.ROOT);
        if (!contentType.startsWith("application/x-www-form-urlencoded") || !request.content().hasEntity()) {
            return "";
        }
        try (InputStream in = request.content().inputStream()) {
            byte[] bytes = in.readNBytes(maxBodyBytes + 1);
            if (bytes.length > maxBodyBytes) {
                throw EntraError.BODY_TOO_LARGE.with(maxBodyBytes);
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
