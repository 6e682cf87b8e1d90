/**
 * Bearer token to authenticated caller ({@link io.graphmeet.auth.TokenVerifier}, against the keys of each
 * {@link io.graphmeet.auth.TrustedIssuer}) and the permission and application-access-policy checks
 * ({@link io.graphmeet.auth.Authorizer}).
 */
package io.graphmeet.auth;
