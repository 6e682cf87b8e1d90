package io.graphmeet.meetings;

import io.graphmeet.failure.StoreUnavailableException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Graph's onlineMeetings operations over the store: createOrGet and create, reads by id and by join details,
 * update and delete, with Graph's rules on who may do what.
 */
public final class MeetingService {

    /** Our limit on externalId length; Graph documents none. */
    public static final int MAX_EXTERNAL_ID_LENGTH = 256;

    /** Graph's wording when someone other than the organizer looks a meeting up by its join details. */
    private static final String LOOKUP_DENIED = "3003: User does not have access to lookup meeting";

    private static final int MAX_ATTEMPTS = 8;

    private final MeetingStore store;
    private final MeetingFactory factory;
    private final Clock clock;

    public MeetingService(
            MeetingStore store, People people, MeetingIdentifiers identifiers, Clock clock, String joinBase) {
        this.store = store;
        this.factory = new MeetingFactory(people, identifiers, joinBase);
        this.clock = clock;
    }

    /**
     * Returns the live meeting that holds (tenant, organizer, externalId), or creates it. A repeated call
     * returns the stored meeting unchanged, whatever else the request says.
     */
    public CreateOrGetOutcome createOrGet(Organizer organizer, MeetingRequest request) {
        String externalId = validExternalId(request.externalId());
        Instant now = clock.instant();
        var schedule = MeetingFactory.schedule(request.startDateTime(), request.endDateTime(), now);
        var existing = store.findByKey(new MeetingKey(organizer.tenantId(), organizer.userId(), externalId), now);
        if (existing.isPresent()) {
            return new CreateOrGetOutcome.Existing(existing.get());
        }
        var draft = factory.draft(
                organizer,
                externalId,
                request.subject(),
                schedule,
                request.attendees(),
                MeetingSettings.defaults(),
                false);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Meeting candidate = factory.newMeeting(draft, now);
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
        throw exhausted("no free meeting identifiers");
    }

    /** Plain create: a new meeting without an external id, its settings starting from Teams' defaults. */
    public Meeting create(Organizer organizer, NewMeetingRequest request) {
        Instant now = clock.instant();
        var schedule = MeetingFactory.schedule(request.startDateTime(), request.endDateTime(), now);
        var draft = factory.draft(
                organizer,
                null,
                request.subject(),
                schedule,
                request.attendees(),
                request.settings().applyTo(MeetingSettings.defaults()),
                request.passcodeRequired());
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Meeting candidate = factory.newMeeting(draft, now);
            if (store.insertUnlessKeyTaken(candidate, now) instanceof MeetingStore.Inserted) {
                return candidate;
            }
        }
        throw exhausted("no free meeting identifiers");
    }

    /**
     * The meeting with this id, for its organizer or one of its attendees, signed in or through an application
     * allowed to act for them, as Graph's get page documents.
     */
    public Meeting get(Requester requester, String meetingId) {
        return readable(requester, meetingId);
    }

    /**
     * The meeting whose join link is {@code joinWebUrl}, compared in {@link MeetingIds#canonicalJoinWebUrl canonical
     * form} so that it does not matter how the caller escaped it; only its organizer may look it up.
     */
    public Meeting findByJoinWebUrl(Requester requester, String joinWebUrl) {
        String canonical = MeetingIds.canonicalJoinWebUrl(joinWebUrl);
        String meetingId = MeetingIds.meetingIdOfJoinWebUrl(canonical);
        Optional<Meeting> found = meetingId == null
                ? Optional.empty()
                : store.findById(requester.tenantId(), meetingId, clock.instant())
                        .filter(meeting -> MeetingIds.canonicalJoinWebUrl(meeting.joinWebUrl())
                                .equals(canonical));
        return lookedUpBy(requester, found);
    }

    /** The meeting with this join meeting id; only its organizer may look it up. */
    public Meeting findByJoinMeetingId(Requester requester, String joinMeetingId) {
        return lookedUpBy(requester, store.findByJoinMeetingId(requester.tenantId(), joinMeetingId, clock.instant()));
    }

    /**
     * Applies {@code patch} for the organizer and returns the stored result. A concurrent update is never
     * overwritten: the patch is applied again to the newer meeting.
     */
    public Meeting update(Requester requester, String meetingId, MeetingPatch patch) {
        List<Attendee> attendees =
                patch.attendees() == null ? null : factory.attendees(requester.tenantId(), patch.attendees());
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Meeting current = changeable(requester, meetingId);
            Instant now = clock.instant();
            Meeting changed = patch.applyTo(current, attendees, Timestamp.of(now));
            switch (store.update(changed, now)) {
                case MeetingStore.Updated updated -> {
                    return changed;
                }
                case MeetingStore.Gone gone -> throw new MeetingNotFoundException();
                case MeetingStore.Stale stale -> {
                    // another update won: apply the patch to the newer meeting
                }
            }
        }
        throw exhausted("the meeting kept changing during the update");
    }

    /** Deletes the meeting for its organizer. */
    public void delete(Requester requester, String meetingId) {
        changeable(requester, meetingId);
        if (!store.delete(requester.tenantId(), meetingId, clock.instant())) {
            throw new MeetingNotFoundException();
        }
    }

    private Meeting readable(Requester requester, String meetingId) {
        if (MeetingIds.organizerOf(meetingId) == null) {
            throw new MeetingNotFoundException();
        }
        Meeting meeting = store.findById(requester.tenantId(), meetingId, clock.instant())
                .orElseThrow(MeetingNotFoundException::new);
        if (!meeting.isOrganizedBy(requester.userId()) && !meeting.invites(requester.userId())) {
            throw new MeetingNotFoundException();
        }
        return meeting;
    }

    private Meeting changeable(Requester requester, String meetingId) {
        Meeting meeting = readable(requester, meetingId);
        if (!meeting.isOrganizedBy(requester.userId())) {
            throw new MeetingAccessDeniedException("Only the organizer can change or delete a meeting.");
        }
        return meeting;
    }

    private static Meeting lookedUpBy(Requester requester, Optional<Meeting> found) {
        Meeting meeting = found.orElseThrow(MeetingNotFoundException::new);
        if (!meeting.isOrganizedBy(requester.userId())) {
            throw new MeetingAccessDeniedException(LOOKUP_DENIED);
        }
        return meeting;
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

    private static StoreUnavailableException exhausted(String what) {
        return new StoreUnavailableException(what + " after " + MAX_ATTEMPTS + " attempts", null);
    }
}
