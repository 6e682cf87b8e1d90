package io.graphmeet.meetings;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Makes new meetings from requests: time defaults, attendees from the directory, generated identifiers. */
final class MeetingFactory {

    /** Teams' limit of interactive participants in a meeting; it also bounds what one meeting costs in memory. */
    static final int MAX_ATTENDEES = 1_000;

    private static final Duration DEFAULT_LENGTH = Duration.ofHours(1);

    private final People people;
    private final MeetingIdentifiers identifiers;
    private final String joinBase;

    MeetingFactory(People people, MeetingIdentifiers identifiers, String joinBase) {
        this.people = people;
        this.identifiers = identifiers;
        this.joinBase = joinBase;
    }

    /**
     * The meeting's times. Neither given: now to an hour later; only a start: an hour from it; an end without
     * a start, or before it, is refused.
     */
    static Schedule schedule(Timestamp start, Timestamp end, Instant now) {
        if (start == null && end != null) {
            throw new InvalidMeetingException("endDateTime cannot be given without startDateTime.");
        }
        Timestamp from = start == null ? Timestamp.of(now) : start;
        Timestamp to = end == null ? from.plus(DEFAULT_LENGTH) : end;
        if (to.isBefore(from)) {
            throw new InvalidMeetingException("endDateTime must not be earlier than startDateTime.");
        }
        return new Schedule(from, to);
    }

    /** A request whose people are looked up in the directory, ready to receive identifiers. */
    Draft draft(
            Organizer organizer,
            String externalId,
            String subject,
            Schedule schedule,
            List<AttendeeRequest> attendees,
            MeetingSettings settings,
            boolean passcodeRequired) {
        return new Draft(
                people.describe(organizer.tenantId(), organizer.userId(), null),
                externalId,
                subject,
                schedule,
                attendees(organizer.tenantId(), attendees),
                settings,
                passcodeRequired);
    }

    /** The attendees as the directory knows them; the role defaults to attendee; at most {@link #MAX_ATTENDEES}. */
    List<Attendee> attendees(String tenantId, List<AttendeeRequest> requested) {
        if (requested.size() > MAX_ATTENDEES) {
            throw new InvalidMeetingException("participants.attendees: a meeting has at most " + MAX_ATTENDEES
                    + " attendees; " + requested.size() + " were given.");
        }
        return requested.stream()
                .map(attendee -> {
                    if (attendee.userId() == null || attendee.userId().isBlank()) {
                        throw new InvalidMeetingException("participants.attendees[].identity.user.id is required.");
                    }
                    ParticipantRole role = attendee.role() == null ? ParticipantRole.ATTENDEE : attendee.role();
                    return new Attendee(people.describe(tenantId, attendee.userId(), attendee.upn()), role);
                })
                .toList();
    }

    /** A meeting for {@code draft} with freshly drawn identifiers, created {@code now}. */
    Meeting newMeeting(Draft draft, Instant now) {
        Person organizer = draft.organizer();
        String threadId = MeetingIds.threadId(identifiers.newThreadGuid());
        return new Meeting(
                MeetingIds.meetingId(organizer.id(), threadId),
                organizer.tenantId(),
                organizer,
                draft.externalId(),
                threadId,
                MeetingIds.joinWebUrl(joinBase, threadId, organizer.tenantId(), organizer.id()),
                identifiers.newJoinMeetingId(),
                draft.passcodeRequired() ? identifiers.newPasscode() : null,
                Timestamp.of(now),
                draft.schedule().start(),
                draft.schedule().end(),
                draft.subject(),
                draft.attendees(),
                draft.settings(),
                null,
                Meeting.FIRST_REVISION);
    }

    /** When a meeting runs. */
    record Schedule(Timestamp start, Timestamp end) {}

    /** A validated request for a new meeting. */
    record Draft(
            Person organizer,
            String externalId,
            String subject,
            Schedule schedule,
            List<Attendee> attendees,
            MeetingSettings settings,
            boolean passcodeRequired) {}
}
