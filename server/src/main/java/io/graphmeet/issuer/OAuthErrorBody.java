package io.graphmeet.issuer;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Entra's OAuth error body, with its trace and correlation ids and timestamp also in the description. */
record OAuthErrorBody(
        @JsonProperty("error") String error,
        @JsonProperty("error_description") String errorDescription,
        @JsonProperty("error_codes") List<Integer> errorCodes,
        @JsonProperty("timestamp") String timestamp,
        @JsonProperty("trace_id") String traceId,
        @JsonProperty("correlation_id") String correlationId) {

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    static OAuthErrorBody of(OAuthException failure, String traceId, String correlationId, Instant now) {
        String timestamp = TIMESTAMP.format(now);
        EntraError error = failure.error();
        return new OAuthErrorBody(
                error.error(),
                failure.getMessage() + " Trace ID: " + traceId + " Correlation ID: " + correlationId + " Timestamp: "
                        + timestamp,
                error.code() == 0 ? List.of() : List.of(error.code()),
                timestamp,
                traceId,
                correlationId);
    }
}
