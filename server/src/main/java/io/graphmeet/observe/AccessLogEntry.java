package io.graphmeet.observe;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One line of the access log; {@code time} is the answer's instant in ISO-8601 UTC. The path is the route's template ({@code /v1.0/users/{userId}/onlineMeetings}),
 * never the request's own path, so no identifier or token a client put in it is logged; fields that do not apply
 * (an unauthenticated request has no tenant) are left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "time",
    "request-id",
    "client-request-id",
    "trace-id",
    "span-id",
    "parent-span-id",
    "method",
    "path",
    "operation",
    "tenant",
    "app-id",
    "user-id",
    "status",
    "error-code",
    "latency-ms",
    "bytes"
})
public record AccessLogEntry(
        String time,
        @JsonProperty("request-id") String requestId,
        @JsonProperty("client-request-id") String clientRequestId,
        @JsonProperty("trace-id") String traceId,
        @JsonProperty("span-id") String spanId,
        @JsonProperty("parent-span-id") String parentSpanId,
        String method,
        String path,
        String operation,
        String tenant,
        @JsonProperty("app-id") String appId,
        @JsonProperty("user-id") String userId,
        int status,
        @JsonProperty("error-code") String errorCode,
        @JsonProperty("latency-ms") double latencyMillis,
        long bytes) {}
