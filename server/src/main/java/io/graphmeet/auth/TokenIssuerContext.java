package io.graphmeet.auth;

import com.nimbusds.jose.proc.SecurityContext;

/**
 * What a token says about who issued it ({@code iss}, {@code tid}), handed to an issuer's key source so that keys
 * published for one issuer only are not used for another's tokens.
 */
record TokenIssuerContext(String issuer, String tenantId) implements SecurityContext {}
