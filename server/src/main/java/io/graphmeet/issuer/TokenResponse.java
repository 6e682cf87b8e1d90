package io.graphmeet.issuer;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The token endpoint's success body, in Entra's field order; {@code scope} and the OpenID parts are optional. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"token_type", "scope", "expires_in", "ext_expires_in", "access_token", "id_token", "client_info"})
record TokenResponse(
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("scope") String scope,
        @JsonProperty("expires_in") long expiresIn,
        @JsonProperty("ext_expires_in") long extExpiresIn,
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("id_token") String idToken,
        @JsonProperty("client_info") String clientInfo) {}
