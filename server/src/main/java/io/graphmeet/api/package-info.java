/**
 * The Graph-compatible HTTP surface, built on the edge kit in {@code io.graphmeet.http}: the route table
 * ({@link io.graphmeet.api.GraphRoutes}) with the permission each route needs, the exchange an endpoint sees, the
 * onlineMeetings endpoint, and how domain failures map onto Graph's error catalogue. No business rules live here.
 */
package io.graphmeet.api;
