package io.graphmeet.errors;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.graphmeet.http.Json;
import io.graphmeet.http.RequestIds;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Graph's error body: {@code {"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}}. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ErrorEnvelope(Error error) {

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    public static byte[] render(GraphError error, String message, RequestIds ids, Instant now) {
        ErrorEnvelope envelope = new ErrorEnvelope(new Error(
                error.code(),
                message == null ? "" : message,
                new InnerError(DATE.format(now), ids.requestId(), ids.clientRequestId())));
        return Json.write(envelope);
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Error(String code, String message, InnerError innerError) {}

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record InnerError(
            String date,
            @JsonProperty("request-id") String requestId,
            @JsonProperty("client-request-id") String clientRequestId) {}
}
