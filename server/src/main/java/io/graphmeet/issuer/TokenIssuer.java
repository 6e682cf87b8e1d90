package io.graphmeet.issuer;

import com.nimbusds.jwt.JWTClaimsSet;
import io.graphmeet.directory.App;
import io.graphmeet.directory.Directory;
import io.graphmeet.directory.User;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The grants of the built-in issuer. {@code client_credentials}: a registered app and one of its secrets give
 * an application token whose {@code roles} are the app's permissions; the scope must be Graph's {@code .default}
 * (OpenID scopes, which MSAL adds, are ignored). {@code password}: a registered user's UPN
 * and password, through a registered app, give a delegated token whose {@code scp} holds the requested scopes,
 * each of which must be one of the delegated scopes users may have ({@code .default} asks for all of them).
 */
public final class TokenIssuer {

    private final Directory directory;
    private final IssuerSettings settings;
    private final TokenSigner signer;
    private final SignInThrottle throttle;

    public TokenIssuer(Directory directory, SigningKeys keys, IssuerSettings settings, java.time.Clock clock) {
        this.directory = directory;
        this.settings = settings;
        this.signer = new TokenSigner(keys, settings, clock);
        this.throttle = new SignInThrottle(clock);
    }

    /** Answers a token request made to {@code {baseUrl}/{tenant}/oauth2/v2.0/token}. */
    TokenResponse issue(String baseUrl, String tenant, TokenRequest request) {
        String tenantId = knownTenant(tenant);
        String grantType = request.required("grant_type");
        return switch (grantType) {
            case "client_credentials" -> clientCredentials(baseUrl, tenantId, request);
            case "password" -> password(baseUrl, tenantId, request);
            default -> throw EntraError.UNSUPPORTED_GRANT.with(grantType);
        };
    }

    /** The tenant id the path names; an unknown one is Entra's AADSTS90002. */
    String knownTenant(String tenant) {
        String tenantId = tenant.toLowerCase(Locale.ROOT);
        return directory
                .store()
                .tenant(tenantId)
                .map(found -> found.id())
                .orElseThrow(() -> EntraError.TENANT_NOT_FOUND.with(tenant));
    }

    private TokenResponse clientCredentials(String baseUrl, String tenantId, TokenRequest request) {
        App app = app(tenantId, request);
        String secret = request.optional("client_secret").orElseThrow(EntraError.SECRET_MISSING::with);
        checkSecret(app, secret);
        String scope = request.required("scope");
        Scopes scopes = Scopes.parse(scope, tenantId);
        if (!scopes.graphDefault() || !scopes.named().isEmpty()) {
            throw EntraError.SCOPE_NOT_DEFAULT.with(scope);
        }
        JWTClaimsSet.Builder claims = signer.claims(baseUrl, tenantId, scopes.audience());
        clientClaims(claims, app, true)
                .subject(app.servicePrincipalId())
                .claim("oid", app.servicePrincipalId())
                .claim("idtyp", "app");
        if (!app.permissions().isEmpty()) {
            claims.claim("roles", app.permissions().stream().sorted().toList());
        }
        return new TokenResponse(
                "Bearer", null, signer.expiresIn(), signer.expiresIn(), signer.sign(claims.build()), null, null);
    }

    private TokenResponse password(String baseUrl, String tenantId, TokenRequest request) {
        App app = app(tenantId, request);
        boolean confidential = request.optional("client_secret").isPresent();
        if (confidential) {
            checkSecret(app, request.required("client_secret"));
        }
        String username = request.required("username");
        String password = request.required("password");
        Scopes scopes = Scopes.parse(request.required("scope"), tenantId);
        User user = signIn(tenantId, username, password);
        List<String> granted = delegatedScopes(scopes);
        JWTClaimsSet.Builder claims = signer.claims(baseUrl, tenantId, scopes.audience());
        clientClaims(claims, app, confidential)
                .subject(pairwiseSubject(user.id(), app.appId()))
                .claim("oid", user.id())
                .claim("idtyp", "user")
                .claim("amr", List.of("pwd"))
                .claim("scp", String.join(" ", granted));
        userClaims(claims, user);
        List<String> responseScopes = new ArrayList<>(
                granted.stream().map(s -> scopes.audience() + "/" + s).toList());
        responseScopes.addAll(scopes.openId());
        return new TokenResponse(
                "Bearer",
                String.join(" ", responseScopes),
                signer.expiresIn(),
                signer.expiresIn(),
                signer.sign(claims.build()),
                scopes.openId().contains("openid") ? idToken(baseUrl, tenantId, app, user) : null,
                request.optional("client_info")
                        .filter("1"::equals)
                        .map(one -> clientInfo(user))
                        .orElse(null));
    }

    /**
     * The user whose UPN and password these are. Unknown users cost the same hashing as wrong passwords, and
     * repeated failures lock the name out for a while, known or not, as Entra's smart lockout does.
     */
    private User signIn(String tenantId, String username, String password) {
        throttle.requireNotLocked(tenantId, username);
        User user = directory.store().userByUpn(tenantId, username).orElse(null);
        boolean matches = directory.passwordMatches(user, password);
        if (!matches) {
            throttle.failed(tenantId, username);
            throw user == null ? EntraError.USER_NOT_FOUND.with(tenantId) : EntraError.PASSWORD_INVALID.with();
        }
        throttle.succeeded(tenantId, username);
        return user;
    }

    private App app(String tenantId, TokenRequest request) {
        String clientId = request.required("client_id");
        return directory
                .store()
                .app(tenantId, clientId.toLowerCase(Locale.ROOT))
                .orElseThrow(() -> EntraError.APP_NOT_FOUND.with(clientId, tenantId));
    }

    private void checkSecret(App app, String secret) {
        if (!directory.secretMatches(app, secret)) {
            throw EntraError.SECRET_INVALID.with(app.appId());
        }
    }

    private List<String> delegatedScopes(Scopes scopes) {
        if (scopes.graphDefault()) {
            if (!scopes.named().isEmpty()) {
                throw EntraError.SCOPE_INVALID.with(String.join(" ", scopes.named()) + " with .default");
            }
            return settings.delegatedScopes();
        }
        Set<String> granted = new LinkedHashSet<>();
        for (String asked : scopes.named()) {
            granted.add(settings.delegatedScopes().stream()
                    .filter(allowed -> allowed.equalsIgnoreCase(asked))
                    .findFirst()
                    .orElseThrow(() -> EntraError.SCOPE_INVALID.with(scopes.audience() + "/" + asked)));
        }
        return List.copyOf(granted);
    }

    private static JWTClaimsSet.Builder clientClaims(JWTClaimsSet.Builder claims, App app, boolean withSecret) {
        String authentication = withSecret ? "1" : "0";
        if (app.displayName() != null) {
            claims.claim("app_displayname", app.displayName());
        }
        return claims.claim("appid", app.appId())
                .claim("appidacr", authentication)
                .claim("azp", app.appId())
                .claim("azpacr", authentication);
    }

    private static void userClaims(JWTClaimsSet.Builder claims, User user) {
        if (user.displayName() != null) {
            claims.claim("name", user.displayName());
        }
        if (user.upn() != null) {
            claims.claim("upn", user.upn()).claim("unique_name", user.upn()).claim("preferred_username", user.upn());
        }
    }

    private String idToken(String baseUrl, String tenantId, App app, User user) {
        JWTClaimsSet.Builder claims = signer.claims(baseUrl, tenantId, app.appId())
                .subject(pairwiseSubject(user.id(), app.appId()))
                .claim("oid", user.id());
        userClaims(claims, user);
        return signer.sign(claims.build());
    }

    /** MSAL's {@code client_info}: base64url of {@code {"uid":oid,"utid":tid}}. */
    private static String clientInfo(User user) {
        String json = "{\"uid\":\"" + user.id() + "\",\"utid\":\"" + user.tenantId() + "\"}";
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Entra's {@code sub} differs per app for one user; here it is a hash of the two ids. */
    private static String pairwiseSubject(String userId, String appId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((userId + ":" + appId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
