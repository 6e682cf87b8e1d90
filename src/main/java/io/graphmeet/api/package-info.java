/**
 * The Graph-compatible HTTP edge: the route table ({@link io.graphmeet.api.GraphRoutes}), request handling,
 * and Graph's error envelope. No business rules live here.
 */
package io.graphmeet.api;
