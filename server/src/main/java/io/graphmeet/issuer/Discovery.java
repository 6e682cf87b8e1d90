package io.graphmeet.issuer;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The OpenID Connect discovery document of one tenant, with the fields Entra's v2.0 document has. */
record Discovery(
        @JsonProperty("token_endpoint") String tokenEndpoint,

        @JsonProperty("token_endpoint_auth_methods_supported")
        List<String> tokenEndpointAuthMethods,

        @JsonProperty("jwks_uri") String jwksUri,
        @JsonProperty("response_modes_supported") List<String> responseModes,
        @JsonProperty("subject_types_supported") List<String> subjectTypes,

        @JsonProperty("id_token_signing_alg_values_supported")
        List<String> signingAlgorithms,

        @JsonProperty("response_types_supported") List<String> responseTypes,
        @JsonProperty("scopes_supported") List<String> scopes,
        @JsonProperty("issuer") String issuer,
        @JsonProperty("request_uri_parameter_supported") boolean requestUriParameter,
        @JsonProperty("authorization_endpoint") String authorizationEndpoint,
        @JsonProperty("grant_types_supported") List<String> grantTypes,
        @JsonProperty("claims_supported") List<String> claims,
        @JsonProperty("tenant_region_scope") String tenantRegionScope,
        @JsonProperty("cloud_instance_name") String cloudInstanceName) {

    /**
     * The document for {@code tenantId} as served under {@code baseUrl}; the authorization endpoint is listed but
     * not served.
     */
    static Discovery of(String baseUrl, String tenantId) {
        String tenantBase = baseUrl + "/" + tenantId;
        return new Discovery(
                tenantBase + "/oauth2/v2.0/token",
                List.of("client_secret_post", "client_secret_basic"),
                tenantBase + "/discovery/v2.0/keys",
                List.of("query", "fragment", "form_post"),
                List.of("pairwise"),
                List.of("RS256"),
                List.of("code", "id_token", "code id_token", "id_token token"),
                List.of("openid", "profile", "email", "offline_access"),
                IssuerSettings.issuer(baseUrl, tenantId),
                false,
                tenantBase + "/oauth2/v2.0/authorize",
                List.of("client_credentials", "password"),
                List.of("sub", "iss", "aud", "exp", "iat", "nbf", "name", "oid", "tid", "preferred_username", "ver"),
                "WW",
                "microsoftonline.com");
    }
}
