/**
 * Bearer token to authenticated caller ({@link io.graphmeet.auth.TokenVerifier}) and the permission and
 * application-access-policy checks ({@link io.graphmeet.auth.Authorizer}).
 */
package io.graphmeet.auth;
