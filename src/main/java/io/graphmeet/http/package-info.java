/**
 * What every HTTP edge of graphmeet shares, the Graph API and the admin API alike: the request ids put on each
 * response ({@link io.graphmeet.http.RequestIds}) and Graph's error envelope
 * ({@link io.graphmeet.http.ErrorEnvelope}).
 */
package io.graphmeet.http;
