package io.graphmeet.api;

/** One Graph operation: an exchange in, a reply out; failures are thrown as typed exceptions. */
@FunctionalInterface
interface GraphEndpoint {

    GraphReply handle(GraphExchange exchange);
}
