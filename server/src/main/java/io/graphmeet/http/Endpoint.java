package io.graphmeet.http;

/** One operation of a surface: its exchange in, a reply out; failures are thrown as typed exceptions. */
@FunctionalInterface
public interface Endpoint<X> {

    Reply handle(X exchange);
}
