/**
 * Operating graphmeet as a service: the metrics port ({@link io.graphmeet.observe.Metrics}) and its Prometheus
 * implementation, the access log with W3C trace context, and the management listener (health, metrics, info).
 * Entry point: {@link io.graphmeet.observe.ManagementServer#start}.
 */
package io.graphmeet.observe;
