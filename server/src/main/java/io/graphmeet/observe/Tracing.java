package io.graphmeet.observe;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import java.time.Duration;

/**
 * Where requests' traces go: nowhere (the default: graphmeet still reads and answers {@code traceparent}), or, with
 * an OTLP endpoint, one server span per Graph request exported over OTLP/HTTP by OpenTelemetry's SDK.
 */
public final class Tracing implements AutoCloseable {

    private static final Tracing OFF = new Tracing(null);
    private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");
    private static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
    private static final AttributeKey<String> ROUTE = AttributeKey.stringKey("http.route");
    private static final AttributeKey<String> OPERATION = AttributeKey.stringKey("graphmeet.operation");
    private static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");
    private static final AttributeKey<String> ERROR_CODE = AttributeKey.stringKey("graphmeet.error_code");

    private final SdkTracerProvider provider;
    private final Tracer tracer;

    private Tracing(SdkTracerProvider provider) {
        this.provider = provider;
        this.tracer = provider == null ? null : provider.get("io.graphmeet");
    }

    public static Tracing off() {
        return OFF;
    }

    /** Exports spans to {@code endpoint}, e.g. {@code http://collector:4318/v1/traces}, in batches. */
    public static Tracing exportingTo(String endpoint) {
        OtlpHttpSpanExporter exporter =
                OtlpHttpSpanExporter.builder().setEndpoint(endpoint).build();
        return new Tracing(SdkTracerProvider.builder()
                .setResource(Resource.create(Attributes.of(SERVICE_NAME, "graphmeet")))
                .addSpanProcessor(BatchSpanProcessor.builder(exporter)
                        .setScheduleDelay(Duration.ofSeconds(1))
                        .build())
                .build());
    }

    /** The span of one request that came with {@code traceparent} (may be null). */
    public RequestSpan start(String traceparent, GraphOperation operation, String method, String pathTemplate) {
        TraceContext caller = TraceContext.fromHeader(traceparent);
        if (tracer == null) {
            return new RequestSpan(caller, null);
        }
        Context parent = caller.parentSpanId() == null ? Context.root() : caller.parentContext();
        Span span = tracer.spanBuilder(method + " " + pathTemplate)
                .setParent(parent)
                .setSpanKind(SpanKind.SERVER)
                .setAttribute(METHOD, method)
                .setAttribute(ROUTE, pathTemplate)
                .setAttribute(OPERATION, operation.label())
                .startSpan();
        var self = span.getSpanContext();
        return new RequestSpan(
                new TraceContext(self.getTraceId(), self.getSpanId(), caller.parentSpanId(), self.isSampled()), span);
    }

    @Override
    public void close() {
        if (provider != null) {
            provider.shutdown().join(5, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    /** One request's place in its trace, and its exported span when there is one. */
    public record RequestSpan(TraceContext trace, Span span) {

        /** Ends the span with the answer's status and Graph's error code (null for none). */
        public void end(int status, String errorCode) {
            if (span == null) {
                return;
            }
            span.setAttribute(STATUS, (long) status);
            if (errorCode != null) {
                span.setAttribute(ERROR_CODE, errorCode);
            }
            if (status >= 500) {
                span.setStatus(StatusCode.ERROR);
            }
            span.end();
        }
    }
}
