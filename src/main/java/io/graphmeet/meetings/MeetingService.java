package io.graphmeet.meetings;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Graph's createOrGet rules: validation, time defaults, identifiers, exactly-once creation. */
public final class MeetingService {

    /** Our limit on externalId length; Graph documents none. */
    public static final int MAX_EXTERNAL_ID_LENGTH = 256;

    private static final Duration DEFAULT_LENGTH = Duration.ofHours(1);
    private static final int MAX_IDENTIFIER_ATTEMPTS = 8;

    private final MeetingStore store;
    private final People people;
    private final MeetingIdentifiers identifiers;
    private final Clock clock;
    private final String joinBase;

    public MeetingService(MeetingStore store, People people, MeetingIdentifiers identifiers, Clock clock,
            String joinBase) {
        this.store = store;
        this.people = people;
        this.identifiers = identifiers;
        this.clock = clock;
        this.joinBase = joinBase;
    }

    /**
     * Returns the live meeting that holds (tenant, organizer, externalId), or creates it. A repeated call
     * returns the stored meeting unchanged, whatever else the request says.
     */
    public CreateOrGetOutcome createOrGet(Organizer organizer, MeetingRequest request) {
        String externalId = validExternalId(request.externalId());
        Schedule schedule = schedule(request);
        MeetingKey key = new MeetingKey(organizer.tenantId(), organizer.userId(), externalId);
        Instant now = clock.instant();

        var existing = store.findByKey(key, now);
        if (existing.isPresent()) {
            return new CreateOrGetOutcome.Existing(existing.get());
        }
        List<Attendee> attendees = attendees(organizer.tenantId(), request.attendees());
        Person organizerPerson = people.describe(organizer.tenantId(), organizer.userId(), null);
        for (int attempt = 0; attempt < MAX_IDENTIFIER_ATTEMPTS; attempt++) {
            Meeting candidate = newMeeting(organizerPerson, externalId, schedule, request.subject(), attendees, now);
            switch (store.insertUnlessKeyTaken(candidate, now)) {
                case MeetingStore.Inserted inserted -> {
                    return new CreateOrGetOutcome.Created(candidate);
                }
                case MeetingStore.KeyTaken taken -> {
                    return new CreateOrGetOutcome.Existing(taken.existing());
                }
                case MeetingStore.IdentifierTaken collision -> {
                    // a generated identifier was already in use: draw new ones
                }
            }
        }
        throw new StoreUnavailableException("no free meeting identifiers after " + MAX_IDENTIFIER_ATTEMPTS
                + " attempts", null);
    }

    private Meeting newMeeting(Person organizer, String externalId, Schedule schedule, String subject,
            List<Attendee> attendees, Instant now) {
        String threadId = MeetingIds.threadId(identifiers.newThreadGuid());
        return new Meeting(
                MeetingIds.meetingId(organizer.id(), threadId),
                organizer.tenantId(),
                organizer,
                externalId,
                threadId,
                MeetingIds.joinWebUrl(joinBase, threadId, organizer.tenantId(), organizer.id()),
                identifiers.newJoinMeetingId(),
                null,
                Timestamp.of(now),
                schedule.start(),
                schedule.end(),
                subject,
                attendees,
                MeetingSettings.defaults(),
                1);
    }

    private static String validExternalId(String externalId) {
        if (externalId == null || externalId.isBlank()) {
            throw new InvalidMeetingException("externalId is required and must be a non-empty string.");
        }
        if (externalId.length() > MAX_EXTERNAL_ID_LENGTH) {
            throw new InvalidMeetingException(
                    "externalId must be at most " + MAX_EXTERNAL_ID_LENGTH + " characters long.");
        }
        return externalId;
    }

    private Schedule schedule(MeetingRequest request) {
        Timestamp start = request.startDateTime();
        Timestamp end = request.endDateTime();
        if (start == null && end != null) {
            throw new InvalidMeetingException("endDateTime cannot be given without startDateTime.");
        }
        if (start == null) {
            start = Timestamp.of(clock.instant());
        }
        if (end == null) {
            end = start.plus(DEFAULT_LENGTH);
        }
        if (end.isBefore(start)) {
            throw new InvalidMeetingException("endDateTime must not be earlier than startDateTime.");
        }
        return new Schedule(start, end);
    }

    private List<Attendee> attendees(String tenantId, List<AttendeeRequest> requested) {
        return requested.stream().map(attendee -> {
            if (attendee.userId() == null || attendee.userId().isBlank()) {
                throw new InvalidMeetingException("participants.attendees[].identity.user.id is required.");
            }
            ParticipantRole role = attendee.role() == null ? ParticipantRole.ATTENDEE : attendee.role();
            return new Attendee(people.describe(tenantId, attendee.userId(), attendee.upn()), role);
        }).toList();
    }

    private record Schedule(Timestamp start, Timestamp end) {}
}
