/**
 * Graph's JSON on the wire: the onlineMeeting record ({@link io.graphmeet.api.json.OnlineMeetingJson}),
 * its rendering from the domain ({@link io.graphmeet.api.json.MeetingJson}) and request-body reading.
 */
package io.graphmeet.api.json;
