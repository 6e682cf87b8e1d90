/**
 * The HTTP edge kit every surface is built from (the Graph API, the admin API, the built-in issuer, and any later
 * one): a {@link io.graphmeet.http.RouteTable} whose rows run their {@link io.graphmeet.http.Guard} before their
 * {@link io.graphmeet.http.Endpoint}, the one adapter ({@link io.graphmeet.http.Edge}) that turns an endpoint's
 * {@link io.graphmeet.http.Reply} or failure into a response, the request ids, the body reader
 * ({@link io.graphmeet.http.RequestBody}), the JSON mapper and typed field reader ({@link io.graphmeet.http.Json},
 * {@link io.graphmeet.http.JsonFields}) and the rule for acceptable text ({@link io.graphmeet.http.Text}). Each
 * surface brings only its exchange and its error envelope ({@link io.graphmeet.http.ErrorReplies}), and may watch
 * its requests with an {@link io.graphmeet.http.Observer}, told each route's {@link io.graphmeet.http.Operation};
 * a new one starts with a {@link io.graphmeet.http.Surface} and a {@link io.graphmeet.http.RouteTable}.
 */
package io.graphmeet.http;
