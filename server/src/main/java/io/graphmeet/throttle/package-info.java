/**
 * Graph's throttling, emulated: requests per app, per app and tenant, and meetings created per user and month,
 * counted on each node and shared through the database so all nodes on one PostgreSQL enforce one limit.
 * Entry point: {@link io.graphmeet.throttle.Throttle#of}.
 */
package io.graphmeet.throttle;
