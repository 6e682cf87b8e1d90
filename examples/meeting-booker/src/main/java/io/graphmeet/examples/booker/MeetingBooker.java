package io.graphmeet.examples.booker;

import com.microsoft.graph.models.OnlineMeeting;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.onlinemeetings.createorget.CreateOrGetPostRequestBody;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * Books the Teams meeting of an appointment for its organizer through Graph's {@code createOrGet}, keyed by the
 * appointment's id: booking the same appointment again (say, after a lost answer) answers the same meeting.
 * Throttling and transient errors are left to the Graph SDK's retry handler.
 */
public final class MeetingBooker {

    private final GraphServiceClient graph;

    public MeetingBooker(GraphServiceClient graph) {
        this.graph = graph;
    }

    /** The meeting of appointment {@code appointmentId}, organised by the user {@code organizerId}. */
    public Booking book(
            String organizerId, String appointmentId, String subject, OffsetDateTime start, Duration length) {
        CreateOrGetPostRequestBody request = new CreateOrGetPostRequestBody();
        request.setExternalId(externalId(appointmentId));
        request.setSubject(subject);
        request.setStartDateTime(start);
        request.setEndDateTime(start.plus(length));
        OnlineMeeting meeting = graph.users()
                .byUserId(organizerId)
                .onlineMeetings()
                .createOrGet()
                .post(request);
        return new Booking(meeting.getId(), meeting.getJoinWebUrl());
    }

    /** The externalId of an appointment's meeting. */
    public static String externalId(String appointmentId) {
        return "appointment-" + appointmentId;
    }
}
