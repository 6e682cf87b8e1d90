/**
 * {@code graphmeet-cli}, a client of the admin API and the built-in issuer ({@link io.graphmeet.cli.GraphmeetCli},
 * one class per noun: tenant, user, app, policy, token, key). It talks HTTP only, so it works against any node.
 */
package io.graphmeet.cli;
