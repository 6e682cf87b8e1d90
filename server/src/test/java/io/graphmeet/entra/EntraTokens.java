package io.graphmeet.entra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Access tokens with the shapes Microsoft Entra ID gives a registered API (here graphmeet's registration,
 * {@link #APP_ID_URI}): v2.0 and v1.0, application and delegated, signed by an {@link EntraSigningKey}; and a token
 * for Microsoft Graph itself, with Graph's {@code nonce} header.
 */
final class EntraTokens {

    /** graphmeet's own app registration: its Application (client) ID, the {@code aud} of v2.0 tokens. */
    static final String GRAPHMEET_APP_ID = "8f3b6a2d-4c1e-4b7a-9d5f-2e6c8a0b1d3f";
    /** Its Application ID URI, the {@code aud} of v1.0 tokens requested by that URI. */
    static final String APP_ID_URI = "api://graphmeet.contoso.com";

    static final String GRAPH = "https://graph.microsoft.com";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EntraSigningKey key;
    private final Clock clock;

    EntraTokens(EntraSigningKey key, Clock clock) {
        this.key = key;
        this.clock = clock;
    }

    /** Client credentials, {@code accessTokenAcceptedVersion: 2}, the {@code idtyp} optional claim configured. */
    String v2Application(String tenantId, String clientAppId, String... roles) {
        return v2ApplicationFor(GRAPHMEET_APP_ID, tenantId, clientAppId, roles);
    }

    /** The same for another audience, e.g. Graph's as the built-in development issuer writes it (no nonce). */
    String v2ApplicationFor(String audience, String tenantId, String clientAppId, String... roles) {
        return sign(
                v2Header(),
                v2(audience, tenantId)
                        .claim("azp", clientAppId)
                        .claim("azpacr", "1")
                        .claim("idtyp", "app")
                        .claim("oid", servicePrincipalOf(clientAppId))
                        .claim("rh", opaque())
                        .claim("roles", List.of(roles))
                        .claim("sub", servicePrincipalOf(clientAppId))
                        .claim("tid", tenantId)
                        .claim("uti", opaque())
                        .claim("ver", "2.0")
                        .json());
    }

    /** A signed-in user, {@code accessTokenAcceptedVersion: 2}, {@code idtyp} with {@code include_user_token}. */
    String v2Delegated(String tenantId, String userId, String clientAppId, String... scopes) {
        return sign(
                v2Header(),
                v2(GRAPHMEET_APP_ID, tenantId)
                        .claim("azp", clientAppId)
                        .claim("azpacr", "0")
                        .claim("idtyp", "user")
                        .claim("name", "Megan Bowen")
                        .claim("oid", userId)
                        .claim("preferred_username", "megan@contoso.com")
                        .claim("rh", opaque())
                        .claim("scp", String.join(" ", scopes))
                        .claim("sid", UUID.randomUUID().toString())
                        .claim("sub", opaque())
                        .claim("tid", tenantId)
                        .claim("uti", opaque())
                        .claim("ver", "2.0")
                        .json());
    }

    /** Client credentials, v1.0 ({@code accessTokenAcceptedVersion} null or 1), requested by the Application ID URI. */
    String v1Application(String tenantId, String clientAppId, String... roles) {
        return sign(
                v1Header(),
                v1(tenantId, APP_ID_URI)
                        .claim("appid", clientAppId)
                        .claim("appidacr", "1")
                        .claim("idp", stsIssuer(tenantId))
                        .claim("idtyp", "app")
                        .claim("oid", servicePrincipalOf(clientAppId))
                        .claim("rh", opaque())
                        .claim("roles", List.of(roles))
                        .claim("sub", servicePrincipalOf(clientAppId))
                        .claim("tid", tenantId)
                        .claim("uti", opaque())
                        .claim("ver", "1.0")
                        .json());
    }

    /** A signed-in user, v1.0. */
    String v1Delegated(String tenantId, String userId, String clientAppId, String... scopes) {
        return sign(
                v1Header(),
                v1(tenantId, APP_ID_URI)
                        .claim("acr", "1")
                        .claim("amr", List.of("pwd", "mfa"))
                        .claim("appid", clientAppId)
                        .claim("appidacr", "0")
                        .claim("name", "Megan Bowen")
                        .claim("oid", userId)
                        .claim("rh", opaque())
                        .claim("scp", String.join(" ", scopes))
                        .claim("sub", opaque())
                        .claim("tid", tenantId)
                        .claim("unique_name", "megan@contoso.com")
                        .claim("upn", "megan@contoso.com")
                        .claim("uti", opaque())
                        .claim("ver", "1.0")
                        .json());
    }

    /**
     * What a client gets when it asks for {@code https://graph.microsoft.com/.default}: a v1.0 token for Graph whose
     * header carries a {@code nonce}. Here it is signed over the header as sent, which Entra's are not.
     */
    String forMicrosoftGraph(String audience, String tenantId, String clientAppId, String... roles) {
        return sign(
                header(
                        "typ",
                        "JWT",
                        "nonce",
                        opaque(),
                        "alg",
                        "RS256",
                        "x5t",
                        key.x5t().toString(),
                        "kid",
                        key.kid()),
                v1(tenantId, audience)
                        .claim("app_displayname", "meeting-bot")
                        .claim("appid", clientAppId)
                        .claim("appidacr", "1")
                        .claim("idp", stsIssuer(tenantId))
                        .claim("idtyp", "app")
                        .claim("oid", servicePrincipalOf(clientAppId))
                        .claim("rh", opaque())
                        .claim("roles", List.of(roles))
                        .claim("sub", servicePrincipalOf(clientAppId))
                        .claim("tenant_region_scope", "EU")
                        .claim("tid", tenantId)
                        .claim("uti", opaque())
                        .claim("ver", "1.0")
                        .claim("wids", List.of("0997a1d0-0d1d-4acb-b408-d5ca73121e90"))
                        .json());
    }

    static String stsIssuer(String tenantId) {
        return "https://sts.windows.net/" + tenantId + "/";
    }

    static String v2Issuer(String tenantId) {
        return "https://login.microsoftonline.com/" + tenantId + "/v2.0";
    }

    private JWSHeader v2Header() {
        return header("typ", "JWT", "alg", "RS256", "kid", key.kid());
    }

    private JWSHeader v1Header() {
        return header("typ", "JWT", "alg", "RS256", "x5t", key.x5t().toString(), "kid", key.kid());
    }

    /** A header whose encoded form has exactly these members in this order, as Entra writes them. */
    private static JWSHeader header(String... namesAndValues) {
        Map<String, String> members = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            members.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        try {
            return JWSHeader.parse(Base64URL.encode(JSON.writeValueAsString(members)));
        } catch (JsonProcessingException | ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private Claims v2(String audience, String tenantId) {
        return lifetime(new Claims().claim("aud", audience).claim("iss", v2Issuer(tenantId)));
    }

    private Claims v1(String tenantId, String audience) {
        return lifetime(new Claims().claim("aud", audience).claim("iss", stsIssuer(tenantId)));
    }

    /** Entra's default lifetime is 60 to 90 minutes; {@code iat} and {@code nbf} are five minutes back. */
    private Claims lifetime(Claims claims) {
        long now = clock.instant().getEpochSecond();
        return claims.claim("iat", now - 300)
                .claim("nbf", now - 300)
                .claim("exp", now + 79 * 60)
                .claim("aio", opaque());
    }

    private String sign(JWSHeader header, String claims) {
        try {
            JWSObject jws = new JWSObject(header, new Payload(claims));
            jws.sign(new RSASSASigner(key.jwk()));
            return jws.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A payload whose members keep the order Entra writes them in. */
    private static final class Claims {
        private final Map<String, Object> members = new LinkedHashMap<>();

        Claims claim(String name, Object value) {
            members.put(name, value);
            return this;
        }

        String json() {
            try {
                return JSON.writeValueAsString(members);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static String servicePrincipalOf(String appId) {
        return UUID.nameUUIDFromBytes(("sp:" + appId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private static String opaque() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64URL.encode(bytes).toString();
    }
}
