package io.graphmeet.meetings;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A {@link MeetingStore} in memory that keeps the port's contract: a key is taken by its live meeting only, an
 * id is unique, an update applies only to the revision it follows. For the domain's unit tests.
 */
final class InMemoryMeetingStore implements MeetingStore {

    private final Map<String, Meeting> byId = new ConcurrentHashMap<>();
    /** Run before the next update is applied, e.g. to let another update win first. */
    private final List<Runnable> beforeUpdates = new ArrayList<>();
    /** Run before the next delete is applied, e.g. to let another delete win first. */
    private final List<Runnable> beforeDeletes = new ArrayList<>();

    int inserts;
    /** How many of the next key lookups miss, as when a concurrent caller's insert commits just after them. */
    int lookupsToMiss;

    void put(Meeting meeting) {
        byId.put(meeting.id(), meeting);
    }

    Optional<Meeting> stored(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    void beforeNextUpdate(Runnable action) {
        beforeUpdates.add(action);
    }

    void beforeNextDelete(Runnable action) {
        beforeDeletes.add(action);
    }

    @Override
    public Optional<Meeting> findByKey(MeetingKey key, Instant now) {
        if (lookupsToMiss > 0) {
            lookupsToMiss--;
            return Optional.empty();
        }
        return held(key, now);
    }

    private Optional<Meeting> held(MeetingKey key, Instant now) {
        return live(now)
                .filter(m -> m.tenantId().equals(key.tenantId())
                        && m.organizer().id().equals(key.organizerId())
                        && key.externalId().equals(m.externalId()))
                .findFirst();
    }

    @Override
    public Optional<Meeting> findById(String tenantId, String meetingId, Instant now) {
        return live(now)
                .filter(m -> m.tenantId().equals(tenantId) && m.id().equals(meetingId))
                .findFirst();
    }

    @Override
    public Optional<Meeting> findByJoinMeetingId(String tenantId, String joinMeetingId, Instant now) {
        return live(now)
                .filter(m -> m.tenantId().equals(tenantId) && m.joinMeetingId().equals(joinMeetingId))
                .findFirst();
    }

    @Override
    public synchronized InsertResult insertUnlessKeyTaken(Meeting candidate, Instant now) {
        inserts++;
        if (candidate.externalId() != null) {
            var holder = held(
                    new MeetingKey(candidate.tenantId(), candidate.organizer().id(), candidate.externalId()), now);
            if (holder.isPresent()) {
                return new KeyTaken(holder.get());
            }
        }
        if (byId.containsKey(candidate.id())) {
            return new IdentifierTaken();
        }
        byId.put(candidate.id(), candidate);
        return new Inserted();
    }

    @Override
    public synchronized UpdateResult update(Meeting changed, Instant now) {
        if (!beforeUpdates.isEmpty()) {
            beforeUpdates.removeFirst().run();
        }
        Meeting stored = byId.get(changed.id());
        if (stored == null || !stored.isLiveAt(now)) {
            return new Gone();
        }
        if (stored.revision() != changed.revision() - 1) {
            return new Stale();
        }
        byId.put(changed.id(), changed);
        return new Updated();
    }

    @Override
    public List<Meeting> search(String tenantId, MeetingSearch search, Instant now) {
        return live(now)
                .filter(m -> m.tenantId().equals(tenantId) && search.matches(m))
                .sorted(Comparator.comparing(Meeting::startDateTime).thenComparing(Meeting::id))
                .skip(search.offset())
                .limit(search.limit())
                .toList();
    }

    @Override
    public synchronized boolean delete(String tenantId, String meetingId, Instant now) {
        if (!beforeDeletes.isEmpty()) {
            beforeDeletes.removeFirst().run();
        }
        return findById(tenantId, meetingId, now)
                .map(m -> byId.remove(m.id()) != null)
                .orElse(false);
    }

    @Override
    public synchronized int deleteAllOfTenant(String tenantId) {
        List<String> ids = byId.values().stream()
                .filter(m -> m.tenantId().equals(tenantId))
                .map(Meeting::id)
                .toList();
        ids.forEach(byId::remove);
        return ids.size();
    }

    private Stream<Meeting> live(Instant now) {
        return byId.values().stream().filter(m -> m.isLiveAt(now));
    }
}
