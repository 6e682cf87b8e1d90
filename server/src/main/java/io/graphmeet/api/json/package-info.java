/**
 * Graph's JSON on the wire: the onlineMeeting record ({@link io.graphmeet.api.json.OnlineMeetingJson}),
 * its rendering from the domain ({@link io.graphmeet.api.json.MeetingJson}) and the reading of request bodies into
 * domain requests, over the edge kit's typed field reader.
 */
package io.graphmeet.api.json;
