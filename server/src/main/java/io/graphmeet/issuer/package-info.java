/**
 * The built-in Entra-like token issuer for offline development and tests: OpenID discovery, JWKS and the token
 * endpoint ({@link io.graphmeet.issuer.IssuerRoutes}) over the grant rules ({@link io.graphmeet.issuer.TokenIssuer})
 * and persistent, rotatable signing keys ({@link io.graphmeet.issuer.SigningKeys}, stored through
 * {@link io.graphmeet.issuer.SigningKeyStore}). Its tokens are verified by the same
 * {@link io.graphmeet.auth.TokenVerifier} as any external issuer's.
 */
package io.graphmeet.issuer;
