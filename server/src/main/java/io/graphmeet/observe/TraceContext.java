package io.graphmeet.observe;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A request's place in a W3C trace: the caller's {@code traceparent} read with OpenTelemetry's propagator (or a
 * new trace when there is none or it is malformed), and this request's own span id within it.
 *
 * @param parentSpanId the caller's span id, or null when the trace starts here
 */
public record TraceContext(String traceId, String spanId, String parentSpanId, boolean sampled) {

    public static final String TRACEPARENT = "traceparent";

    private static final W3CTraceContextPropagator PROPAGATOR = W3CTraceContextPropagator.getInstance();
    private static final TextMapGetter<String> HEADER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return List.of(TRACEPARENT);
        }

        @Override
        public String get(String carrier, String key) {
            return TRACEPARENT.equals(key) ? carrier : null;
        }
    };
    private static final HexFormat HEX = HexFormat.of();

    /** The context of a request that carried {@code traceparent} (may be null). */
    public static TraceContext fromHeader(String traceparent) {
        SpanContext parent = traceparent == null
                ? SpanContext.getInvalid()
                : Span.fromContext(PROPAGATOR.extract(Context.root(), traceparent, HEADER))
                        .getSpanContext();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String spanId = HEX.toHexDigits(random.nextLong(1, Long.MAX_VALUE));
        if (!parent.isValid()) {
            String traceId = HEX.toHexDigits(random.nextLong(1, Long.MAX_VALUE)) + HEX.toHexDigits(random.nextLong());
            return new TraceContext(traceId, spanId, null, false);
        }
        return new TraceContext(parent.getTraceId(), spanId, parent.getSpanId(), parent.isSampled());
    }

    /** The caller's span as an OpenTelemetry context, to parent this request's span on. */
    Context parentContext() {
        return Context.root()
                .with(Span.wrap(SpanContext.createFromRemoteParent(
                        traceId,
                        parentSpanId,
                        sampled ? TraceFlags.getSampled() : TraceFlags.getDefault(),
                        TraceState.getDefault())));
    }

    /**
     * The {@code traceparent} naming this request's span, for the response and for calls it makes: version 00 of
     * the W3C format, written directly (OpenTelemetry's propagator took 5 % of a replay's CPU to write it), as
     * both ids are lowercase hex of the lengths it needs, whether read by the propagator or made here.
     */
    public String traceparent() {
        return "00-" + traceId + "-" + spanId + (sampled ? "-01" : "-00");
    }
}
