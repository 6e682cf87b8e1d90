/**
 * Graph's error catalogue ({@link io.graphmeet.errors.GraphError}) and envelope
 * ({@link io.graphmeet.errors.ErrorEnvelope}), shared by the two surfaces that answer in Graph's shape: the Graph
 * API and the admin API.
 */
package io.graphmeet.errors;
