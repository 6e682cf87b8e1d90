package io.graphmeet.examples.booker;

/** A booked online meeting: Graph's meeting id and the link attendees join with. */
public record Booking(String meetingId, String joinUrl) {}
