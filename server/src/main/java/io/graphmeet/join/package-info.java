/**
 * The page behind every {@code joinWebUrl} and {@code meetingOptionsWebUrl}: server-rendered HTML on the Graph
 * listener showing what an invitation's holder may see of a meeting — subject, organizer, times, join meeting id and
 * passcode, lobby and presenter settings, attendees — and a proper page for a link that leads to no meeting. The entry
 * point is {@link io.graphmeet.join.JoinPages#register}; templates, style and the one small script live beside the
 * classes as resources and are served by graphmeet itself.
 */
package io.graphmeet.join;
