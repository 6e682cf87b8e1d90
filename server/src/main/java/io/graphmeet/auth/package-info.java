/**
 * Bearer token to authenticated caller ({@link io.graphmeet.auth.TokenVerifier}, against the keys of each
 * {@link io.graphmeet.auth.TrustedIssuer}) and the permission and application-access-policy checks
 * ({@link io.graphmeet.auth.Authorizer}), which also tells its decision for an app in words
 * ({@link io.graphmeet.auth.Explanation}) for the admin API's explainer.
 */
package io.graphmeet.auth;
