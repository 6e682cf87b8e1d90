package io.graphmeet.admin;

/** One admin operation: an exchange in, a reply out; failures are thrown as Graph errors. */
@FunctionalInterface
interface AdminEndpoint {

    AdminReply handle(AdminExchange exchange);
}
